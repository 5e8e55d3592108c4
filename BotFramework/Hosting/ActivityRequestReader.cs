using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>
/// Reads an Activity from a request body without ever holding more than the size limit: the pipe is read until
/// it completes or exceeds the limit, then parsed in place (no copy for single-segment bodies).
/// </summary>
internal static class ActivityRequestReader
{
    public static async Task<(int Status, Activity? Activity, string? Error)> ReadAsync(PipeReader reader, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
        {
            return (StatusCodes.Status413PayloadTooLarge, null, $"Request body over {maxBytes} bytes.");
        }

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return (StatusCodes.Status413PayloadTooLarge, null, $"Request body over {maxBytes} bytes.");
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                try
                {
                    return Parse(buffer);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static (int Status, Activity? Activity, string? Error) Parse(ReadOnlySequence<byte> body)
    {
        if (body.Length >= 3)
        {
            Span<byte> head = stackalloc byte[3];
            body.Slice(0, 3).CopyTo(head);
            if (head.SequenceEqual("\uFEFF"u8))
            {
                body = body.Slice(3);
            }
        }

        Activity? activity;
        try
        {
            var json = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = BotJson.MaxInboundDepth });
            activity = JsonSerializer.Deserialize(ref json, BotJsonContext.Default.Activity);
            if (json.Read())
            {
                return (StatusCodes.Status400BadRequest, null, "Unexpected content after the activity.");
            }
        }
        catch (JsonException ex)
        {
            return (StatusCodes.Status400BadRequest, null, "Body is not a JSON Activity object: " + StrictJson.Describe(ex, body));
        }

        return activity is null
            ? (StatusCodes.Status400BadRequest, null, "Body is not a JSON Activity object.")
            : (StatusCodes.Status200OK, activity, null);
    }

    /// <summary>
    /// What a parsed activity lacks for a turn, or null. Checked after authentication, so a caller without a valid
    /// token learns nothing but 401 whatever its body holds (the channel's own verdicts, as the JS SDK gives them).
    /// </summary>
    public static string? Check(Activity activity)
    {
        if (ActivityValidator.Validate(activity) is { } invalid)
        {
            return invalid;
        }

        if (activity.ServiceUrl is not null && !ConnectorClient.IsValidServiceUrl(activity.ServiceUrl))
        {
            return "Activity serviceUrl is not an absolute http(s) URL.";
        }

        // Only an expectReplies turn is answered in the HTTP response; any other needs somewhere to send its replies.
        return activity.ServiceUrl is null && !string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal)
            ? "Activity has no serviceUrl to answer at (only expectReplies activities may omit it)."
            : null;
    }
}
