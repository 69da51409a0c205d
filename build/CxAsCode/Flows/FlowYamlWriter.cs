using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CxAsCode.Flows;

/// <summary>Writes a flow tree back as YAML in one form: block style, keys as sorted in the tree, scalars quoted
/// only where YAML needs it (YamlDotNet's emitter decides), two-space indent, LF.</summary>
internal static class FlowYamlWriter
{
    public static string Write(string archyType, JObject tree)
    {
        using var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart());
        emitter.Emit(new Scalar(archyType));
        Emit(emitter, tree);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        var written = text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return written.EndsWith('\n') ? written : written + "\n";
    }

    private static void Emit(Emitter emitter, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                emitter.Emit(new MappingStart());
                foreach (var property in obj.Properties())
                {
                    emitter.Emit(new Scalar(property.Name));
                    Emit(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                emitter.Emit(new Scalar((string?)token ?? string.Empty));
                break;
        }
    }
}
