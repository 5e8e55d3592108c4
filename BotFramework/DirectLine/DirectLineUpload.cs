using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Reads <c>POST .../upload</c>: a multipart body with an <c>activity</c> part (<c>application/vnd.microsoft.activity</c>)
/// and one <c>file</c> part per attachment, section by section as it arrives. Each file is streamed into
/// <see cref="DirectLineAttachmentStore"/> and becomes an attachment whose <c>contentUrl</c> points at
/// <c>/attachments/{id}</c>, so neither memory nor the conversation log ever holds the file's bytes.
/// </summary>
internal sealed record DirectLineUpload(JsonObject? Activity, IReadOnlyList<StoredAttachment> Files, IResult? Error)
{
    private const int MaxBoundaryLength = 70;

    public static async Task<DirectLineUpload> ReadAsync(HttpContext context, string conversationId, DirectLineOptions options, DirectLineAttachmentStore store, string attachmentsUrl, CancellationToken cancellationToken)
    {
        // A body sent without a length (chunked) is cut off by the server at the same limit. One that declares a length
        // over it is answered 413 unread, and the endpoint then drains it so the client hears the answer.
        if (context.Request.ContentLength is null && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = options.MaxUploadBytes;
        }

        // A refusal part-way leaves the rest of the body to the endpoint, which reads it after answering.
        return await ReadCoreAsync(context, conversationId, options, store, attachmentsUrl, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DirectLineUpload> ReadCoreAsync(HttpContext context, string conversationId, DirectLineOptions options, DirectLineAttachmentStore store, string attachmentsUrl, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > options.MaxUploadBytes)
        {
            return Refused(DirectLineErrors.TooLarge(options.MaxUploadBytes));
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= MaxBoundaryLength } boundary)
        {
            return Refused(DirectLineErrors.BadArgument("Upload a multipart/form-data body with a boundary."));
        }

        var reader = new MultipartReader(boundary, context.Request.Body)
        {
            HeadersCountLimit = 16,
            HeadersLengthLimit = 16 * 1024,
            BodyLengthLimit = options.MaxUploadBytes,
        };
        JsonObject? activity = null;
        var files = new List<StoredAttachment>();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return Undo(store, files, DirectLineErrors.BadArgument("Every part needs 'Content-Disposition: form-data; name=...'."));
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (string.Equals(name, "activity", StringComparison.Ordinal))
                {
                    if (activity is not null)
                    {
                        return Undo(store, files, DirectLineErrors.BadArgument("The upload has two 'activity' parts."));
                    }

                    var (parsed, error) = await ReadActivityAsync(section.Body, options.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
                    if (error is not null)
                    {
                        return Undo(store, files, error);
                    }

                    activity = parsed;
                }
                else if (string.Equals(name, "file", StringComparison.Ordinal))
                {
                    if (files.Count >= options.Attachments.MaxFilesPerUpload)
                    {
                        return Undo(store, files, DirectLineErrors.BadArgument($"One upload may carry at most {options.Attachments.MaxFilesPerUpload} files."));
                    }

                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    var saved = await store.SaveAsync(conversationId, section.Body, section.ContentType, fileName, cancellationToken).ConfigureAwait(false);
                    if (saved.Attachment is null)
                    {
                        return Undo(store, files, DirectLineErrors.Error(saved.Status, saved.Status == StatusCodes.Status413PayloadTooLarge ? "MessageSizeTooBig" : "BadArgument", saved.Error!));
                    }

                    files.Add(saved.Attachment);
                }
                else
                {
                    // Parts this endpoint does not know are read past, not kept.
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (InvalidDataException exception)
        {
            // MultipartReader's limits and framing errors (a missing end boundary, headers too long, a body over the limit).
            return Undo(store, files, exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? DirectLineErrors.TooLarge(options.MaxUploadBytes)
                : DirectLineErrors.BadArgument("The multipart body is malformed: " + exception.Message));
        }
        catch (BadHttpRequestException exception)
        {
            return Undo(store, files, exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? DirectLineErrors.TooLarge(options.MaxUploadBytes)
                : DirectLineErrors.BadArgument("The upload could not be read: " + exception.Message));
        }
        catch (IOException exception)
        {
            return Undo(store, files, DirectLineErrors.BadArgument("The upload could not be read: " + exception.Message));
        }

        if (files.Count == 0)
        {
            return Refused(DirectLineErrors.BadArgument("The upload has no 'file' part."));
        }

        activity ??= new JsonObject { ["type"] = ActivityTypes.Message };
        var attachments = new JsonArray();
        foreach (var file in files)
        {
            var attachment = new JsonObject
            {
                ["contentType"] = file.ContentType,
                ["contentUrl"] = attachmentsUrl + "/" + file.Id,
            };
            if (file.Name is not null)
            {
                attachment["name"] = file.Name;
            }

            attachments.Add(attachment);
        }

        activity["attachments"] = attachments;
        return new(activity, files, null);
    }

    private static async Task<(JsonObject? Activity, IResult? Error)> ReadActivityAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, DirectLineErrors.TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var element = StrictJson.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return element.ValueKind == JsonValueKind.Object
                ? (element.Deserialize(DirectLineJsonContext.Default.JsonObject), null)
                : (null, DirectLineErrors.BadArgument("The 'activity' part must be a JSON object."));
        }
        catch (JsonException exception)
        {
            return (null, DirectLineErrors.BadArgument("The 'activity' part is not valid JSON: " + StrictJson.Describe(exception)));
        }
    }

    private static DirectLineUpload Refused(IResult error) => new(null, [], error);

    private static DirectLineUpload Undo(DirectLineAttachmentStore store, List<StoredAttachment> saved, IResult error)
    {
        store.Delete(saved);
        return Refused(error);
    }
}
