using CxAsCode.Auth;
using CxAsCode.Deployment;
using CxAsCode.Extraction;
using CxAsCode.Http;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CxAsCode.Tests.Deployment;

/// <summary>
/// A WireMock server standing in for the Platform API, and a client against it. Two clocks: the client's
/// retries and attempt timeouts run on the real one (kept short), while the consistency window and the
/// journal's timestamps run on <see cref="Time"/>, a fake clock the test moves with
/// <see cref="RunAsync{T}(Task{T})"/>. Responses can depend on the fake clock, so "visible only 5 s after the
/// create" costs no real second.
/// </summary>
internal sealed class FakeApi : IDisposable
{
    private readonly InFlight _inFlight = new() { InnerHandler = new HttpClientHandler() };
    private readonly HttpClient _http;
    private readonly ResiliencePipelines _pipelines;

    public FakeApi(TimeSpan? attemptTimeout = null, int maxRetries = 2)
    {
        _http = new HttpClient(_inFlight);
        Server = WireMockServer.Start();
        Options = new ResilienceOptions { BaseDelay = TimeSpan.Zero, RequestsPerMinute = 0, MaxRetries = maxRetries, AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5) };
        _pipelines = new ResiliencePipelines(Options, TimeProvider.System);
        Client = new GenesysClient(_http, new Uri(Server.Url!), new AccessTokenSource("fake-api-token", Masker), _pipelines, Masker, new RequestCounter(), TimeProvider.System);
        Reader = new LiveReader(Client);
    }

    public WireMockServer Server { get; }

    public ResilienceOptions Options { get; }

    public SecretMasker Masker { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public GenesysClient Client { get; }

    public LiveReader Reader { get; }

    /// <summary>Fake time since the test started.</summary>
    public TimeSpan Elapsed => Time.GetUtcNow() - new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public ConsistencyWindow Window(int seconds = 60) => new(Time, TimeSpan.FromSeconds(seconds));

    public PatientSender Sender(int windowSeconds = 60) => new(Client, Reader, Window(windowSeconds));

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (exact path, any query) with what <paramref name="respond"/> says at the moment of the request.</summary>
    public void Answer(string method, string path, Func<IRequestMessage, (int Status, JToken? Body)> respond, TimeSpan? realDelay = null) =>
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(Response.Create().WithCallback(async request =>
        {
            var (status, body) = respond(request);
            if (realDelay is { } delay)
            {
                await Task.Delay(delay);
            }

            return Reply(status, body);
        }));

    public void Answer(string method, string path, int status, JToken? body) => Answer(method, path, _ => (status, body));

    /// <summary>A list envelope of these entities.</summary>
    public static JObject List(params JObject[] entities) =>
        new() { ["entities"] = new JArray(entities.Cast<object>().ToArray()), ["pageSize"] = 100, ["pageNumber"] = 1, ["pageCount"] = 1, ["total"] = entities.Length };

    /// <summary>A Genesys error body.</summary>
    public static JObject Error(int status, string code) => new() { ["status"] = status, ["code"] = code, ["message"] = code };

    /// <summary>
    /// Runs <paramref name="task"/> to its end, moving the fake clock on while it waits, but never while a
    /// request is on the wire: fake time then passes only where the engine waits on the clock, so what the
    /// test's answers see of it does not depend on how fast this machine is.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        for (var turns = 0; !task.IsCompleted; turns++)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted && _inFlight.Count == 0)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }

            if (turns > 20_000)
            {
                throw new TimeoutException("The task never completed.");
            }
        }

        return await task;
    }

    /// <summary>The requests received with this method and path, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests(string method, string path) =>
        [.. Server.LogEntries.Select(e => e.RequestMessage!).Where(r => r.Method == method && r.Path == path).OrderBy(r => r.DateTime)];

    public IReadOnlyList<IRequestMessage> Writes() =>
        [.. Server.LogEntries.Select(e => e.RequestMessage!).Where(r => r.Method != "GET").OrderBy(r => r.DateTime)];

    public void Dispose()
    {
        Server.Dispose();
        _pipelines.Dispose();
        _http.Dispose();
    }

    /// <summary>Counts the requests on the wire.</summary>
    private sealed class InFlight : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    private static ResponseMessage Reply(int status, JToken? body)
    {
        var message = new ResponseMessage { StatusCode = status };
        if (body is not null)
        {
            message.BodyData = new BodyData { BodyAsString = body.ToString(Newtonsoft.Json.Formatting.None), DetectedBodyType = BodyType.String };
            message.AddHeader("Content-Type", "application/json");
        }

        return message;
    }
}
