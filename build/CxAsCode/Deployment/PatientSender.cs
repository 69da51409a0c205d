using CxAsCode.Extraction;
using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Sends one write and, where the platform's lag alone explains a refusal, waits within the consistency
/// window and sends it again: a create refused because its name is still held by an object no read can see
/// (a queue deleted less than a minute ago keeps its name; an earlier create not yet listed), and a write to
/// an object we created moments ago that still answers 404. Both refusals prove nothing applied, so a
/// repeat is safe; a lost response is never repeated here. Nothing is ever deleted to make room.
/// </summary>
internal sealed class PatientSender
{
    private readonly GenesysClient _client;
    private readonly LiveReader _reader;
    private readonly ConsistencyWindow _window;

    public PatientSender(GenesysClient client, LiveReader reader, ConsistencyWindow window)
    {
        _client = client;
        _reader = reader;
        _window = window;
    }

    public ConsistencyWindow Window => _window;

    /// <param name="kind">The kind written (for name look-ups).</param>
    /// <param name="key">The object's name.</param>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path (and query).</param>
    /// <param name="body">JSON body, if any.</param>
    /// <param name="ownerCreatedAt">When we created the object written to, if we did moments ago: a 404 until the window passes is lag.</param>
    /// <param name="attempts">Counts every request sent.</param>
    /// <param name="cancellationToken">Stops the waiting.</param>
    public async Task<JToken?> SendAsync(ResourceKind kind, string key, HttpMethod method, string path, JToken? body, DateTimeOffset? ownerCreatedAt, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        DateTimeOffset? nameDeadline = null;
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await _client.SendAsync(method, path, body, attempts, cancellationToken);
            }
            catch (ApiException e) when (method == HttpMethod.Post && path == kind.ApiPath && IsNameTaken(e))
            {
                var holder = await _reader.FindByKeyAsync(kind, key, cancellationToken);
                if (holder is not null)
                {
                    throw new NameTakenException($"{kind} '{key}': the name is taken by an existing {kind} (id {(string?)holder["id"]}) made after the plan; nothing was deleted to make room.", holder, e);
                }

                nameDeadline ??= _window.Now + _window.Length;
                if (!await _window.PauseAsync(nameDeadline.Value, tries, cancellationToken))
                {
                    throw new NameTakenException($"{kind} '{key}': the name was still taken {_window.Describe()} after the first refusal, by an object no read can see (a queue deleted less than a minute ago keeps its name); nothing was deleted to make room, try again later.", null, e);
                }
            }
            catch (NotFoundException) when (ownerCreatedAt is not null)
            {
                // We created it moments ago: the 404 is lag, and a 404 proves nothing applied.
                if (!await _window.PauseAsync(ownerCreatedAt.Value + _window.Length, tries, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>400 <c>duplicate.name</c> (queues, wrap-up codes) or 409 <c>general.conflict</c> (skills).</summary>
    public static bool IsNameTaken(ApiException e) =>
        (e.Status == 400 && e.Code == "duplicate.name") || (e.Status == 409 && e.Code == "general.conflict");
}
