using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AuthorBot.BotFramework.State;

/// <summary>The JSON settings state is stored with.</summary>
/// <remarks>
/// Why this shape: stores keep plain JSON text (readable, portable between MemoryStorage, SQLite and blob stores,
/// and free of .NET type names, which would break on a rename and are a deserialization hazard). Typed values are
/// rebuilt on read by whoever knows the type (a property accessor's <c>T</c>). Where no type is known - values typed
/// <see cref="object"/>, such as the dialog stack's state dictionaries and a waterfall's <c>Values</c> - the
/// <see cref="ObjectToInferredTypesConverter"/> turns JSON back into strings, <see cref="long"/>/<see cref="double"/>,
/// booleans, <see cref="Dictionary{TKey, TValue}"/> and <see cref="List{T}"/> rather than opaque JsonElements, so
/// dialog code reads the same values before and after a restart. Reflection metadata is the resolver because state
/// holds arbitrary user types that no source-generated context can list in advance.
/// </remarks>
public static class StateJson
{
    /// <summary>Options used by the stores and state accessors: web defaults (camelCase) and inferred object types.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            MaxDepth = 128,
        };
        options.Converters.Add(new ObjectToInferredTypesConverter());
        options.MakeReadOnly();
        return options;
    }
}
