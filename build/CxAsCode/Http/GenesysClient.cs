using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CxAsCode.Auth;
using CxAsCode.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Polly;
using Polly.Timeout;

namespace CxAsCode.Http;

/// <summary>
/// The one place that does HTTP with the Platform API: bearer auth (renewed once on a 401), the shared
/// resilience pipelines, the Genesys error body mapped to typed exceptions, and paging. Callers say only
/// which path and which body.
/// </summary>
internal sealed class GenesysClient
{
    private readonly HttpClient _http;
    private readonly Uri _apiBase;
    private readonly TokenPool _pool;
    private readonly ResiliencePipelines _pipelines;
    private readonly SecretMasker _masker;
    private readonly TimeProvider _time;

    /// <summary>A client with one token, paced at the pipelines' requests per minute.</summary>
    public GenesysClient(HttpClient http, Uri apiBase, ITokenSource tokens, ResiliencePipelines pipelines, SecretMasker masker, RequestCounter counter, TimeProvider time)
        : this(http, apiBase, new TokenPool(tokens, null, 1, pipelines.RequestsPerMinute, time), pipelines, masker, counter, time)
    {
    }

    /// <summary>A client spreading its requests over a pool of tokens, each paced on its own.</summary>
    public GenesysClient(HttpClient http, Uri apiBase, TokenPool pool, ResiliencePipelines pipelines, SecretMasker masker, RequestCounter counter, TimeProvider time)
    {
        _time = time;
        _http = http;
        _apiBase = apiBase;
        _pool = pool;
        _pipelines = pipelines;
        _masker = masker;
        Counter = counter;
    }

    public RequestCounter Counter { get; }

    /// <summary>The tokens requests go through.</summary>
    public TokenPool Pool => _pool;

    public Uri ApiBase => _apiBase;

    /// <summary>
    /// The connection for a flow's content, which moves through presigned storage URLs outside the API: sent
    /// never with a token (the URL is the credential) and not paced by the API's budget.
    /// </summary>
    public HttpClient Storage => _http;

    public TimeProvider Time => _time;

    /// <summary>Sends one request; returns the parsed body, or null for an empty one (204).</summary>
    public Task<JToken?> SendAsync(HttpMethod method, string pathAndQuery, JToken? body, CancellationToken cancellationToken) =>
        SendAsync(method, pathAndQuery, body, null, cancellationToken);

    /// <summary>
    /// Sends one request, counting each attempt in <paramref name="attempts"/>. Only reads (and export jobs, which
    /// only read) are retried after a timeout or a dropped connection: a write (PUT included) that got no answer may still apply later, and a
    /// second copy would race it against our own rollback or someone's edit, so it surfaces as
    /// <see cref="ResponseLostException"/> for the caller to settle by reading.
    /// </summary>
    public async Task<JToken?> SendAsync(HttpMethod method, string pathAndQuery, JToken? body, AttemptCounter? attempts, CancellationToken cancellationToken)
    {
        // An export job's POST only reads: a second one after a lost answer starts a second export, nothing more.
        var read = method == HttpMethod.Get || RequestCounter.IsExportJob(method, pathAndQuery);
        var pipeline = read ? _pipelines.Idempotent : _pipelines.NonIdempotent;
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts?.Add();
                    return await SendWithAuthAsync(method, pathAndQuery, body, token);
                },
                cancellationToken);
        }
        catch (Exception e) when (!read && e is HttpRequestException or TimeoutRejectedException or IOException)
        {
            throw new ResponseLostException($"{method} {pathAndQuery}: no response ({e.GetType().Name}: {_masker.Apply(e.Message)}); the write may or may not have applied.", e);
        }
    }

    public Task<JToken?> GetAsync(string pathAndQuery, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken);

    /// <summary>
    /// Every entity of a list endpoint, following the envelope's relative <c>nextUri</c> (never another host).
    /// </summary>
    /// <param name="path">The collection path, e.g. <c>/api/v2/routing/queues</c>.</param>
    /// <param name="pageSize">The largest page size the endpoint allows.</param>
    /// <param name="query">Extra query (already escaped), e.g. <c>id=a&amp;id=b</c>.</param>
    /// <param name="cancellationToken">Stops the walk between pages.</param>
    public async Task<IReadOnlyList<JObject>> GetAllAsync(string path, int pageSize, string? query, CancellationToken cancellationToken)
    {
        var entities = new List<JObject>();
        await foreach (var page in GetPagesAsync(path, pageSize, query, cancellationToken))
        {
            entities.AddRange(page);
        }

        return entities;
    }

    /// <summary>
    /// The pages of a list endpoint one at a time, as <see cref="GetAllAsync"/> walks them: for a caller that is
    /// done with a page before it asks for the next (Extract keeps no page of raw JSON longer than it needs).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<JObject>> GetPagesAsync(string path, int pageSize, string? query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = $"{path}?pageSize={pageSize}&pageNumber=1" + (string.IsNullOrEmpty(query) ? string.Empty : "&" + query);
        for (var page = 1; next is not null; page++)
        {
            var envelope = await GetAsync(next, cancellationToken) as JObject
                ?? throw new ApiException($"GET {next}: expected a list envelope, got nothing.");
            var batch = (envelope["entities"] as JArray ?? []).OfType<JObject>().ToList();
            next = (string?)envelope["nextUri"];
            var pageCount = (int?)envelope["pageCount"];
            var last = batch.Count == 0 || (pageCount is not null && page >= pageCount) || page >= 10_000;
            if (!last && next is not null && !IsInCollection(next, path))
            {
                throw new ApiException($"GET {path}: refusing to follow nextUri '{next}' outside the collection.");
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }

            if (last)
            {
                break;
            }
        }
    }

    /// <summary>A nextUri must be a relative link to the same collection: same path exactly, no other host, no dot segments.</summary>
    private static bool IsInCollection(string next, string path)
    {
        var question = next.IndexOf('?', StringComparison.Ordinal);
        var nextPath = question < 0 ? next : next[..question];
        return nextPath == path && !nextPath.Contains("/.", StringComparison.Ordinal);
    }

    private async Task<JToken?> SendWithAuthAsync(HttpMethod method, string pathAndQuery, JToken? body, CancellationToken cancellationToken)
    {
        var lane = await _pool.AcquireAsync(cancellationToken);
        try
        {
            return await SendOnceAsync(lane, method, pathAndQuery, body, cancellationToken);
        }
        catch (ApiAuthenticationException e) when (lane.Source.CanRenew && e.Path != "/oauth/token")
        {
            // Tokens expire mid-run: renew this token only, once; a second 401 in a row is real.
            lane.Source.Invalidate();
            return await SendOnceAsync(await _pool.AcquireAsync(cancellationToken), method, pathAndQuery, body, cancellationToken);
        }
    }

    private async Task<JToken?> SendOnceAsync(TokenLane lane, HttpMethod method, string pathAndQuery, JToken? body, CancellationToken cancellationToken)
    {
        var token = await lane.Source.GetTokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, new Uri(_apiBase, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
        }

        Counter.Count(method, pathAndQuery);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            // Parsed from the bytes as they came: a list page is a megabyte, and a string copy of it first
            // would double what the collector has to sweep on a large org.
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return CanonicalJson.Parse(stream);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = ErrorFor(method, pathAndQuery, response, text);
        if (error is RateLimitedException limited)
        {
            // The platform limits this token: the others carry on while it waits.
            lane.BlockFor(limited.RetryAfter ?? TimeSpan.FromSeconds(1));
        }

        throw error;
    }

    private ApiException ErrorFor(HttpMethod method, string path, HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var body = ParseErrorBody(text);
        var correlation = response.Headers.TryGetValues("ININ-Correlation-Id", out var values) ? values.FirstOrDefault() : (string?)body?["contextId"];
        // Mask before cutting: a secret across the cut would otherwise leak its first half.
        var masked = _masker.Apply(text);
        var detail = (string?)body?["message"] ?? (masked.Length > 200 ? masked[..200] + "…" : masked);
        var message = _masker.Apply($"{method} {path} answered {status} {(string?)body?["code"]}: {detail}" + (correlation is null ? string.Empty : $" (correlation id {correlation})"));
        var safeBody = body is null ? null : MaskStrings(body);
        return status switch
        {
            429 => new RateLimitedException(method.Method, path, safeBody, correlation, message, RetryAfterOf(response)),
            401 => new ApiAuthenticationException(method.Method, path, status, safeBody, correlation, message),
            404 or 410 => new NotFoundException(method.Method, path, status, safeBody, correlation, message),
            409 => new ConflictException(method.Method, path, status, safeBody, correlation, message),
            _ => new ApiException(method.Method, path, status, safeBody, correlation, message),
        };
    }

    /// <summary>Retry-After in seconds, or as an HTTP date (then relative to now; a past date gives a negative span).</summary>
    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        return header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
    }

    /// <summary>Masks every string in the body as a value (in serialized JSON a secret may appear escaped and slip past).</summary>
    private JObject MaskStrings(JObject body)
    {
        var copy = (JObject)body.DeepClone();
        foreach (var value in copy.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
        {
            value.Value = _masker.Apply((string?)value.Value);
        }

        return copy;
    }

    private static JObject? ParseErrorBody(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : CanonicalJson.Parse(text) as JObject;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
