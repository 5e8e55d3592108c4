using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AuthorBot.BotFramework.Schema;

/// <summary>The synchronous answer to an <c>invoke</c> activity: becomes the HTTP status and body.</summary>
public class InvokeResponse
{
    /// <summary>Creates an empty response (status 0 means "not set").</summary>
    public InvokeResponse()
    {
    }

    /// <summary>Creates a response with a status and an optional JSON body.</summary>
    public InvokeResponse(int status, JsonElement? body = null)
    {
        Status = status;
        Body = body;
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; set; }

    /// <summary>The JSON body; omitted when null.</summary>
    public JsonElement? Body { get; set; }

    /// <summary>Creates a response whose body is <paramref name="body"/> serialized with source-generated metadata.</summary>
    public static InvokeResponse Create<T>(int status, T body, JsonTypeInfo<T> typeInfo) =>
        new(status, JsonSerializer.SerializeToElement(body, typeInfo));
}
