using System.Globalization;

namespace CxAsCode.Configuration;

/// <summary>How many tokens a run may hold: <c>--token-pool-size</c>, else <c>GENESYSCLOUD_TOKEN_POOL_SIZE</c> (the
/// Terraform provider's variable, so teams set it once for both), else 10; always 1–20, the provider's range.</summary>
public static class TokenPoolSizes
{
    /// <exception cref="ConfigurationException">The variable is not a whole number from 1 to 20.</exception>
    public static int Resolve(PipelineOptions options, Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(env);
        if (options.TokenPoolSize is { } given)
        {
            return given;
        }

        var text = env(EnvironmentVariables.TokenPoolSize);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ArgumentTable.TokenPoolSize.DefaultNumber;
        }

        var argument = ArgumentTable.TokenPoolSize;
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= argument.Minimum && size <= argument.Maximum
            ? size
            : throw new ConfigurationException($"{EnvironmentVariables.TokenPoolSize} takes a whole number from {argument.Minimum} to {argument.Maximum} (got '{text.Trim()}').");
    }
}
