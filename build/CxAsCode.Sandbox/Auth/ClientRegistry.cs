namespace CxAsCode.Sandbox.Auth;

/// <summary>The OAuth clients the sandbox accepts: the default one, plus clients a test registers with a
/// limited role (<c>POST /sandbox/clients</c>). <c>POST /sandbox/reset</c> forgets the registered ones.</summary>
internal sealed class ClientRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OAuthClient> _clients = new(StringComparer.Ordinal) { [OAuthClient.Default.Id] = OAuthClient.Default };

    public OAuthClient? Find(string? id)
    {
        lock (_gate)
        {
            return id is not null && _clients.TryGetValue(id, out var client) ? client : null;
        }
    }

    /// <summary>Adds or replaces a registered client; the default client cannot be replaced.</summary>
    public bool Register(OAuthClient client)
    {
        lock (_gate)
        {
            if (client.Id == OAuthClient.Default.Id)
            {
                return false;
            }

            _clients[client.Id] = client;
            return true;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return id != OAuthClient.Default.Id && _clients.Remove(id);
        }
    }

    public IReadOnlyList<OAuthClient> Registered()
    {
        lock (_gate)
        {
            return [.. _clients.Values.Where(c => c.Id != OAuthClient.Default.Id).OrderBy(c => c.Id, StringComparer.Ordinal)];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _clients.Clear();
            _clients[OAuthClient.Default.Id] = OAuthClient.Default;
        }
    }
}
