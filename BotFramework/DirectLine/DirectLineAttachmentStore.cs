using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Uploaded files on disk: <c>{root}/{id[..2]}/{id}.bin</c> with a JSON sidecar <c>{id}.json</c>. Each file is streamed
/// through a pooled buffer, so memory stays flat however many or large the uploads are; quotas per file, per
/// conversation and in total are reserved as bytes arrive, so a client that lies about a length is stopped mid-file.
/// Usage per conversation is kept in memory (read from the sidecars on first use); file records are read from disk.
/// </summary>
internal sealed partial class DirectLineAttachmentStore(DirectLineAttachmentOptions options, string root, TimeProvider time, ILogger<DirectLineAttachmentStore> logger) : IDisposable
{
    // Every file counts at least one disk block toward the quotas, so a flood of tiny files is bounded too.
    private const long MinimumCharge = 4096;
    private const int CopyBufferSize = 64 * 1024;

    private readonly ConcurrentDictionary<string, long> _usage = new(StringComparer.Ordinal);
    private readonly Lock _quota = new();
    private readonly SemaphoreSlim _indexGate = new(1, 1);
    private long _total;
    private volatile bool _indexed;

    /// <summary>The folder files are kept in.</summary>
    public string Root => root;

    /// <summary>Bytes charged to all files (for tests and diagnostics).</summary>
    public long TotalBytes => Interlocked.Read(ref _total);

    /// <summary>
    /// Streams <paramref name="content"/> to a new file of <paramref name="conversationId"/>, checking size, quotas and
    /// content type; nothing is kept when it is refused.
    /// </summary>
    public async Task<AttachmentSaveResult> SaveAsync(string conversationId, Stream content, string? declaredType, string? fileName, CancellationToken cancellationToken)
    {
        var contentType = AttachmentContentCheck.Allowed(declaredType, options.AllowedContentTypes);
        if (contentType is null)
        {
            var allowed = options.AllowedContentTypes.Count == 0 ? DirectLineAttachmentOptions.DefaultContentTypes : [.. options.AllowedContentTypes];
            return AttachmentSaveResult.Refused(
                StatusCodes.Status415UnsupportedMediaType,
                $"Files of type '{Clean(declaredType, 100) ?? "(none)"}' are not accepted; send one of {string.Join(", ", allowed)}.");
        }

        await EnsureIndexedAsync(cancellationToken).ConfigureAwait(false);
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
        var (binPath, jsonPath) = PathsOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(binPath)!);
        long reserved = 0;
        long written = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        var kept = false;
        try
        {
            var file = new FileStream(binPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (written + read > options.MaxFileBytes)
                    {
                        return AttachmentSaveResult.Refused(StatusCodes.Status413PayloadTooLarge, $"A file may hold at most {options.MaxFileBytes} bytes.");
                    }

                    var charge = Math.Max(written + read, MinimumCharge) - (written == 0 ? 0 : Math.Max(written, MinimumCharge));
                    if (charge > 0)
                    {
                        if (Reserve(conversationId, charge) is { } refusal)
                        {
                            return refusal;
                        }

                        reserved += charge;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    written += read;
                }
            }

            if (written == 0)
            {
                return AttachmentSaveResult.Refused(StatusCodes.Status400BadRequest, "The file is empty.");
            }

            if (!await HeadMatchesAsync(binPath, contentType, cancellationToken).ConfigureAwait(false))
            {
                return AttachmentSaveResult.Refused(StatusCodes.Status415UnsupportedMediaType, $"The file does not look like {contentType}.");
            }

            var attachment = new StoredAttachment(id, conversationId, contentType, Clean(Path.GetFileName(fileName ?? string.Empty), 255), written, time.GetUtcNow());
            await File.WriteAllBytesAsync(jsonPath, JsonSerializer.SerializeToUtf8Bytes(attachment, DirectLineJsonContext.Default.StoredAttachment), cancellationToken).ConfigureAwait(false);
            kept = true;
            return AttachmentSaveResult.Saved(attachment);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!kept)
            {
                Release(conversationId, reserved);
                TryDelete(binPath);
                TryDelete(jsonPath);
            }
        }
    }

    /// <summary>The record of <paramref name="id"/>, or null when there is no such file.</summary>
    public async Task<StoredAttachment?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return null;
        }

        var (binPath, jsonPath) = PathsOf(id);
        if (!File.Exists(jsonPath) || !File.Exists(binPath))
        {
            return null;
        }

        try
        {
            var attachment = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(jsonPath, cancellationToken).ConfigureAwait(false), DirectLineJsonContext.Default.StoredAttachment);
            return attachment?.Id == id ? attachment : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Opens the file of <paramref name="attachment"/> for reading.</summary>
    public Stream OpenRead(StoredAttachment attachment) =>
        new FileStream(PathsOf(attachment.Id).Bin, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Removes files (an upload whose message was then refused).</summary>
    public void Delete(IEnumerable<StoredAttachment> attachments)
    {
        foreach (var attachment in attachments)
        {
            var (binPath, jsonPath) = PathsOf(attachment.Id);
            TryDelete(binPath);
            TryDelete(jsonPath);
            Release(attachment.ConversationId, Math.Max(attachment.Length, MinimumCharge));
        }
    }

    /// <summary>Deletes files uploaded before <paramref name="cutoff"/> (the conversation log's retention).</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var expired = new List<StoredAttachment>();
        foreach (var jsonPath in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
        {
            if (await ReadRecordAsync(jsonPath, cancellationToken).ConfigureAwait(false) is { } attachment && attachment.CreatedAt < cutoff)
            {
                expired.Add(attachment);
            }
        }

        await EnsureIndexedAsync(cancellationToken).ConfigureAwait(false);
        Delete(expired);
        return expired.Count;
    }

    public void Dispose() => _indexGate.Dispose();

    private AttachmentSaveResult? Reserve(string conversationId, long bytes)
    {
        lock (_quota)
        {
            var used = _usage.GetValueOrDefault(conversationId);
            if (used + bytes > options.MaxConversationBytes)
            {
                return AttachmentSaveResult.Refused(StatusCodes.Status413PayloadTooLarge, $"This conversation's files may take at most {options.MaxConversationBytes} bytes; it has {used}.");
            }

            if (_total + bytes > options.MaxTotalBytes)
            {
                LogStoreFull(logger, options.MaxTotalBytes);
                // 413, not 507: the client can do something about it (a smaller file, later), and nothing here is a server fault.
                return AttachmentSaveResult.Refused(StatusCodes.Status413PayloadTooLarge, "The bot's file store is full; try a smaller file or again later.");
            }

            _usage[conversationId] = used + bytes;
            _total += bytes;
            return null;
        }
    }

    private void Release(string conversationId, long bytes)
    {
        if (bytes <= 0)
        {
            return;
        }

        lock (_quota)
        {
            var left = _usage.GetValueOrDefault(conversationId) - bytes;
            if (left > 0)
            {
                _usage[conversationId] = left;
            }
            else
            {
                _usage.TryRemove(conversationId, out _);
            }

            _total = Math.Max(0, _total - bytes);
        }
    }

    private async Task EnsureIndexedAsync(CancellationToken cancellationToken)
    {
        if (_indexed)
        {
            return;
        }

        await _indexGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_indexed)
            {
                return;
            }

            if (Directory.Exists(root))
            {
                foreach (var jsonPath in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
                {
                    if (await ReadRecordAsync(jsonPath, cancellationToken).ConfigureAwait(false) is { } attachment)
                    {
                        var charge = Math.Max(attachment.Length, MinimumCharge);
                        lock (_quota)
                        {
                            _usage[attachment.ConversationId] = _usage.GetValueOrDefault(attachment.ConversationId) + charge;
                            _total += charge;
                        }
                    }
                }
            }

            _indexed = true;
        }
        finally
        {
            _indexGate.Release();
        }
    }

    private static async Task<StoredAttachment?> ReadRecordAsync(string jsonPath, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize(await File.ReadAllBytesAsync(jsonPath, cancellationToken).ConfigureAwait(false), DirectLineJsonContext.Default.StoredAttachment);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task<bool> HeadMatchesAsync(string path, string contentType, CancellationToken cancellationToken)
    {
        var head = new byte[AttachmentContentCheck.HeadLength];
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            var length = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return AttachmentContentCheck.Matches(contentType, head.AsSpan(0, length));
        }
    }

    private (string Bin, string Json) PathsOf(string id)
    {
        var folder = Path.Combine(root, id[..2]);
        return (Path.Combine(folder, id + ".bin"), Path.Combine(folder, id + ".json"));
    }

    private static bool IsId(string id) => id.Length == 24 && Base64Url.IsValid(id);

    private static string? Clean(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var cleaned = new string([.. value.Where(c => !char.IsControl(c))]).Trim();
        return cleaned.Length == 0 ? null : cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength];
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Gone already, or still open; retention removes it later.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: the attachment store is full ({MaxTotalBytes} bytes, DirectLine:Attachments:MaxTotalBytes); uploads are refused until old files expire")]
    private static partial void LogStoreFull(ILogger logger, long maxTotalBytes);
}
