using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>Which requests are "the API" (authenticated, rate limited, logged, open to faults) and which
/// are the admin surface under <c>/sandbox/</c> (none of those).</summary>
internal static class SandboxPaths
{
    public const string TokenPath = "/oauth/token";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api/v2", StringComparison.OrdinalIgnoreCase);

    public static bool IsToken(PathString path) => path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase);

    public static bool IsLogged(PathString path) => IsApi(path) || IsToken(path);
}
