namespace CxAsCode.Auth;

/// <summary>Where bearer tokens come from. Tokens live in memory only: never on disk, never printed.</summary>
internal interface ITokenSource
{
    /// <summary>A valid token, fetching a new one when there is none or it is about to expire.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forget the current token (the API answered 401), so the next call fetches a new one.</summary>
    void Invalidate();

    /// <summary>False for a token that cannot be replaced: a 401 with it is final.</summary>
    bool CanRenew { get; }

    /// <summary>For logs: "client credentials for client 1a2b…", never the secret.</summary>
    string Description { get; }
}
