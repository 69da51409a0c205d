using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>Which requests are "the API" (authenticated, rate limited, logged, open to faults) and which
/// are the admin surface under <c>/sandbox/</c> (none of those).</summary>
internal static class SandboxPaths
{
    public const string TokenPath = "/oauth/token";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api/v2", StringComparison.OrdinalIgnoreCase);

    public static bool IsToken(PathString path) => path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The presigned upload and download URLs of Architect jobs, which the sandbox serves itself in
    /// place of the platform's object storage: no bearer token (the URL is the credential), logged, open to faults.</summary>
    public static bool IsStorage(PathString path) => path.StartsWithSegments("/storage", StringComparison.OrdinalIgnoreCase);

    public static bool IsLogged(PathString path) => IsApi(path) || IsToken(path) || IsStorage(path);
}
