using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Contract;

/// <summary>The SDK contract (build/contract/, extracted from the official Genesys Cloud .NET SDK, MIT;
/// see its README) embedded in the assembly, so the sandbox validates and authorizes against the same
/// model and operation data the tests check it with, and a built sandbox needs nothing beside it.</summary>
internal static class ContractResources
{
    public static JObject Read(string fileName)
    {
        var assembly = typeof(ContractResources).Assembly;
        using var stream = assembly.GetManifestResourceStream("Contract." + fileName)
            ?? throw new InvalidOperationException($"The contract file {fileName} is not embedded in the sandbox.");
        using var reader = new StreamReader(stream);
        return (JObject)Json.Parse(reader.ReadToEnd());
    }
}
