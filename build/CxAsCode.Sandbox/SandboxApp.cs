using System.Net;
using CxAsCode.Sandbox.Admin;
using CxAsCode.Sandbox.Auth;
using CxAsCode.Sandbox.Faults;
using CxAsCode.Sandbox.Hosting;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Kinds.Flows;
using CxAsCode.Sandbox.Kinds.Languages;
using CxAsCode.Sandbox.Kinds.Organization;
using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Kinds.Schedules;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Kinds.Users;
using CxAsCode.Sandbox.Kinds.WrapupCodes;
using CxAsCode.Sandbox.Pipeline;
using CxAsCode.Sandbox.RateLimiting;
using CxAsCode.Sandbox.Realism;
using CxAsCode.Sandbox.RequestLog;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxAsCode.Sandbox;

/// <summary>Builds the sandbox web app. The command line (<c>Program.cs</c>) and in-process test hosts
/// both come through here, so they run the same thing.</summary>
public static class SandboxApp
{
    /// <summary>Creates the app, bound to 127.0.0.1 only, with the org loaded (or seeded) from
    /// <paramref name="options"/>. Call <c>StartAsync</c>, then <see cref="BaseAddress"/> for the URL.</summary>
    /// <exception cref="ArgumentException">The seed name is unknown or a number is out of range.</exception>
    /// <exception cref="InvalidOperationException">The saved <c>org.json</c> cannot be read.</exception>
    public static WebApplication Create(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // stdout carries exactly one line (the listening address) that the engine parses: ASP.NET's own
        // logging goes to stderr, and only warnings and worse.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var clock = new SandboxClock(options.TimeProvider);
        var realism = new RealismSettings(options.Realism);
        var clients = new ClientRegistry();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(realism);
        builder.Services.AddSingleton(new OrgStore(options, clock, realism));
        builder.Services.AddSingleton(new TokenRegistry(clock));
        builder.Services.AddSingleton(clients);
        // Client authentication for the token endpoint: a secret over Basic auth, or an RFC 7523 JWT assertion.
        builder.Services.AddSingleton<IClientAuthenticator>(new BasicClientAuthenticator(clients));
        builder.Services.AddSingleton<IClientAuthenticator>(new JwtAssertionAuthenticator(clients, new AssertionReplayGuard(clock), clock));
        builder.Services.AddSingleton(new RateLimiter(clock, options.RequestsPerMinute));
        builder.Services.AddSingleton(new TokenIssuanceLimiter(clock, options.TokenRequestsPerMinute));
        builder.Services.AddSingleton(new FaultRegistry());
        builder.Services.AddSingleton(new FlowJobs(clock, options.ArchitectJobTime));
        builder.Services.AddSingleton(new RequestLogBook());
        if (options.ParentPid is int parentPid)
        {
            builder.Services.AddHostedService(services => new ParentProcessWatcher(
                parentPid, clock.Time, services.GetRequiredService<IHostApplicationLifetime>()));
        }

        var app = builder.Build();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<PayloadLimitMiddleware>();
        app.UseMiddleware<BearerGateMiddleware>();

        OAuthEndpoints.Map(app);
        OrganizationEndpoints.Map(app);
        DivisionEndpoints.Map(app);
        SkillEndpoints.Map(app);
        WrapupCodeEndpoints.Map(app);
        QueueEndpoints.Map(app);
        QueueWrapupCodeEndpoints.Map(app);
        QueueMemberEndpoints.Map(app);
        LanguageEndpoints.Map(app);
        ScheduleEndpoints.Map(app);
        UserEndpoints.Map(app);
        FlowEndpoints.Map(app);
        AdminEndpoints.Map(app);
        // Unknown API routes answer like the real API (404 not.found in an error body), not with an empty 404.
        app.MapFallback("/api/v2/{**path}", context => throw ApiErrors.RouteNotFound(context.Request.Path.Value ?? string.Empty));
        return app;
    }

    /// <summary>The address the started app listens on, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    /// <exception cref="InvalidOperationException">The app has not been started.</exception>
    public static Uri BaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The sandbox is not listening yet: call StartAsync first.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static void Validate(SandboxOptions options)
    {
        if (!SeedNames.IsKnown(options.Seed))
        {
            throw new ArgumentException($"Unknown seed '{options.Seed}'; use '{SeedNames.Default}' or '{SeedNames.Empty}'.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.RequestsPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegative(options.TokenRequestsPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentNullException.ThrowIfNull(options.Realism);
        ArgumentNullException.ThrowIfNull(options.Realism.Consistency);
        foreach (var lag in new[] { options.Realism.Consistency.ListLag, options.Realism.Consistency.GetLag, options.Realism.Consistency.QueueDeleteLinger, options.Realism.Consistency.DeletedSkillListed })
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(lag, TimeSpan.Zero);
        }
    }
}
