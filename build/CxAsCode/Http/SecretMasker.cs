using System.Text;

namespace CxAsCode.Http;

/// <summary>
/// Knows every secret this run holds (client secret, tokens) and removes them, raw, Base64- and
/// URL-encoded, from any text before it reaches a console, a file or an exception message.
/// </summary>
public sealed class SecretMasker
{
    private const string Mask = "***";
    private readonly Lock _gate = new();
    private readonly List<string> _values = [];

    /// <summary>Raised for each new secret, so CI can mask it in its own logs too.</summary>
    public event Action<string>? SecretAdded;

    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        var variants = new[]
        {
            secret,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)),
            Uri.EscapeDataString(secret),
        };
        lock (_gate)
        {
            foreach (var variant in variants.Distinct(StringComparer.Ordinal).Where(v => !_values.Contains(v)))
            {
                _values.Add(variant);
            }

            // Longest first, so a secret inside another secret's encoding is masked whole.
            _values.Sort((a, b) => b.Length.CompareTo(a.Length));
        }

        SecretAdded?.Invoke(secret);
    }

    /// <summary>Adds <c>clientId:secret</c> in Base64, the value of a Basic header.</summary>
    public void AddBasicCredentials(string clientId, string secret)
    {
        Add(secret);
        Add(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
    }

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        lock (_gate)
        {
            foreach (var value in _values)
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
