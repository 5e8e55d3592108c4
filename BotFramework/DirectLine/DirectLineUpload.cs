using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Reads <c>POST .../upload</c>: a multipart body with an <c>activity</c> part
/// (<c>application/vnd.microsoft.activity</c>) and one <c>file</c> part per attachment. Files become
/// attachments with <c>data:</c> URLs, so they live in the conversation log with the message and
/// need no separate file store; the size bound keeps that small.
/// </summary>
internal sealed record DirectLineUpload(JsonObject? Activity, IResult? Error)
{
    public static async Task<DirectLineUpload> ReadAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return new(null, DirectLineErrors.TooLarge(maxBytes));
        }

        if (!context.Request.HasFormContentType)
        {
            return new(null, DirectLineErrors.BadArgument("Upload a multipart/form-data body."));
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            MultipartBodyLengthLimit = maxBytes,
            ValueLengthLimit = (int)Math.Min(int.MaxValue, maxBytes),
            BufferBodyLengthLimit = maxBytes,
        }));

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return new(null, DirectLineErrors.TooLarge(maxBytes));
        }
        catch (IOException exception)
        {
            return new(null, DirectLineErrors.BadArgument("The multipart body could not be read: " + exception.Message));
        }

        JsonObject? activity;
        try
        {
            activity = await ReadActivityAsync(form, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return new(null, DirectLineErrors.BadArgument("The 'activity' part is not valid JSON: " + StrictJson.Describe(exception)));
        }

        activity ??= new JsonObject { ["type"] = ActivityTypes.Message };
        var attachments = new JsonArray();
        foreach (var file in form.Files.GetFiles("file"))
        {
            using var content = new MemoryStream((int)Math.Min(file.Length, maxBytes));
            await file.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
            var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
            attachments.Add(new JsonObject
            {
                ["contentType"] = contentType,
                ["contentUrl"] = $"data:{contentType};base64,{Convert.ToBase64String(content.GetBuffer(), 0, (int)content.Length)}",
                ["name"] = file.FileName,
            });
        }

        if (attachments.Count == 0)
        {
            return new(null, DirectLineErrors.BadArgument("The upload has no 'file' part."));
        }

        activity["attachments"] = attachments;
        return new(activity, null);
    }

    private static async Task<JsonObject?> ReadActivityAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        byte[] json;
        if (form.Files.GetFile("activity") is { } part)
        {
            await using var stream = part.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            json = buffer.ToArray();
        }
        else if (form.TryGetValue("activity", out var text) && text.ToString().Length > 0)
        {
            json = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        }
        else
        {
            return null;
        }

        return StrictJson.Parse(json).Deserialize(DirectLineJsonContext.Default.JsonObject);
    }
}
