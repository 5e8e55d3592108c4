using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorBot.HostileBench;

/// <summary>
/// Turns a well-formed JSON body into a hostile one: values of the wrong kind, nulls, deletions, duplicate keys, very
/// long or control-character strings, deep nesting, and raw damage (truncation, invalid UTF-8, a byte-order mark,
/// trailing content), each chosen by the seeded random source.
/// </summary>
public static class JsonMutator
{
    private static readonly JsonSerializerOptions _writeOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 4096 };

    /// <summary>Applies 1-3 mutations to a copy of <paramref name="body"/> and returns the bytes and what was done.</summary>
    public static (byte[] Body, string Description) Mutate(JsonObject body, Random random)
    {
        var copy = (JsonObject)body.DeepClone();
        var done = new List<string>();
        var count = 1 + random.Next(3);
        var duplicate = false;
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(10))
            {
                case 0:
                case 1:
                case 2:
                    done.Add(ReplaceValue(copy, random));
                    break;
                case 3:
                    done.Add(Remove(copy, random));
                    break;
                case 4:
                case 5:
                    duplicate = true;
                    done.Add("duplicate key");
                    break;
                default:
                    done.Add(AddJunk(copy, random));
                    break;
            }
        }

        var bytes = duplicate ? WriteWithDuplicate(copy, random) : Encoding.UTF8.GetBytes(copy.ToJsonString(_writeOptions));
        if (random.Next(6) == 0)
        {
            (bytes, var damage) = Damage(bytes, random);
            done.Add(damage);
        }

        return (bytes, string.Join(", ", done));
    }

    /// <summary>A value of any JSON kind that no schema here expects.</summary>
    public static JsonNode? Junk(Random random) => random.Next(22) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(0),
        3 => JsonValue.Create(-1),
        4 => JsonValue.Create(1e308),
        5 => JsonValue.Create(string.Empty),
        6 => JsonValue.Create(new string('x', 20_000 + random.Next(300_000))),
        7 => JsonValue.Create("\u0000\u0001\u001f\u202e"),
        8 => new JsonArray(),
        9 => new JsonObject(),
        10 => new JsonArray(null, null),
        11 => new JsonObject { ["id"] = null },
        12 => Deep(10 + random.Next(80)),
        13 => JsonValue.Create("9999999999999999999999999"),
        14 => JsonValue.Create(long.MaxValue),
        15 => JsonValue.Create("2026-13-45T25:61:61Z"),
        16 => JsonValue.Create("../../etc/passwd"),
        17 => JsonValue.Create("http://169.254.169.254/latest/meta-data/"),
        18 => new JsonArray(JsonValue.Create(1), JsonValue.Create("two"), new JsonObject()),
        19 => JsonValue.Create("😀\uD800"),
        20 => JsonValue.Create(-0.0),
        _ => JsonValue.Create("{\"type\":\"message\"}"),
    };

    /// <summary>Nested arrays <paramref name="depth"/> deep.</summary>
    public static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    /// <summary>Raw damage to an encoded body.</summary>
    public static (byte[] Body, string Description) Damage(byte[] bytes, Random random)
    {
        switch (random.Next(7))
        {
            case 0:
                return (bytes[..random.Next(Math.Max(1, bytes.Length))], "truncated");
            case 1:
                return ([.. bytes[..(bytes.Length / 2)], 0xC3, 0x28, .. bytes[(bytes.Length / 2)..]], "invalid UTF-8");
            case 2:
                return ([0xEF, 0xBB, 0xBF, .. bytes], "byte-order mark");
            case 3:
                return ([.. bytes, .. " {}"u8], "trailing content");
            case 4:
                return ([.. bytes[..(bytes.Length / 2)], 0x00, .. bytes[(bytes.Length / 2)..]], "NUL byte");
            case 5:
                var noise = new byte[1 + random.Next(64)];
                random.NextBytes(noise);
                return (noise, "random bytes");
            default:
                return ([.. Encoding.UTF8.GetBytes(new string('[', 5000 + random.Next(5000)))], "deep nesting");
        }
    }

    private static string ReplaceValue(JsonObject root, Random random)
    {
        var (parent, key) = RandomProperty(root, random);
        if (parent is null)
        {
            return "nothing to replace";
        }

        parent[key!] = Junk(random);
        return $"{key} replaced";
    }

    private static string Remove(JsonObject root, Random random)
    {
        var (parent, key) = RandomProperty(root, random);
        if (parent is null)
        {
            return "nothing to remove";
        }

        parent.Remove(key!);
        return $"{key} removed";
    }

    private static string AddJunk(JsonObject root, Random random)
    {
        var objects = Objects(root).ToList();
        var target = objects[random.Next(objects.Count)];
        string[] names = ["membersAdded", "membersRemoved", "reactionsAdded", "attachments", "entities", "value", "channelData", "from", "conversation", "recipient", "serviceUrl", "id", "__proto__", "constructor", "$type", "suggestedActions", "deliveryMode", "locale", "timestamp", "localTimezone", "text", "name"];
        var name = names[random.Next(names.Length)];
        target[name] = Junk(random);
        return $"{name} set to junk";
    }

    private static (JsonObject? Parent, string? Key) RandomProperty(JsonObject root, Random random)
    {
        var properties = Objects(root).SelectMany(o => o.Select(p => (Parent: o, Key: p.Key))).ToList();
        if (properties.Count == 0)
        {
            return (null, null);
        }

        var (parent, key) = properties[random.Next(properties.Count)];
        return (parent, key);
    }

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var (_, value) in o)
            {
                if (value is not null)
                {
                    foreach (var inner in Objects(value))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                if (item is not null)
                {
                    foreach (var inner in Objects(item))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>Writes the tree with one object's first property written twice (with a different value the second time).</summary>
    private static byte[] WriteWithDuplicate(JsonObject root, Random random)
    {
        var candidates = Objects(root).Where(o => o.Count > 0).ToList();
        var chosen = candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            Write(writer, root, chosen, random);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, JsonObject? duplicateIn, Random random)
    {
        switch (node)
        {
            case JsonObject o:
                writer.WriteStartObject();
                var first = true;
                foreach (var (key, value) in o)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value, duplicateIn, random);
                    if (first && ReferenceEquals(o, duplicateIn))
                    {
                        writer.WritePropertyName(key);
                        Write(writer, random.Next(2) == 0 ? value : Junk(random), duplicateIn, random);
                    }

                    first = false;
                }

                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a)
                {
                    Write(writer, item, duplicateIn, random);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
