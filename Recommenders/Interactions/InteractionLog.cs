using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.Recommenders.Interactions;

/// <summary>
/// The append-only record of what readers did. Thread-safe; readers of the log get immutable snapshots.
/// When opened on a file, each interaction is appended as one JSON line and flushed before <see cref="AppendAsync"/>
/// returns, so a crash loses at most the line being written.
/// </summary>
public sealed class InteractionLog : IAsyncDisposable
{
    // Kinds are written by name so the file stays readable and survives reordering of the enum.
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly Lock _gate = new();
    private readonly List<Interaction> _all = [];
    private readonly Dictionary<string, List<Interaction>> _byReader = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fileGate = new(1, 1);
    private readonly StreamWriter? _writer;

    /// <summary>Creates an in-memory log.</summary>
    public InteractionLog()
    {
    }

    private InteractionLog(StreamWriter writer) => _writer = writer;

    /// <summary>Number of interactions recorded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Lines of the file that could not be read when it was opened (kept in the file, skipped here).</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Opens (or creates) a log backed by a JSON-lines file, loading what is already there.</summary>
    public static async Task<InteractionLog> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var existing = new List<Interaction>();
        var skipped = 0;
        if (File.Exists(path))
        {
            foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    if (JsonSerializer.Deserialize<Interaction>(line, _json) is { ReaderId: not null, ItemId: not null } interaction)
                    {
                        existing.Add(interaction);
                        continue;
                    }
                }
                catch (JsonException)
                {
                    // A torn last line after a crash, or a hand edit: keep the file as it is and skip the line.
                }

                skipped++;
            }
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        var log = new InteractionLog(new StreamWriter(stream)) { SkippedLines = skipped };
        foreach (var interaction in existing)
        {
            log.Add(interaction);
        }

        return log;
    }

    /// <summary>Records an interaction (and persists it when file-backed).</summary>
    /// <exception cref="ArgumentException">The reader or item id is empty, or a rating has no value.</exception>
    public async Task AppendAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (string.IsNullOrWhiteSpace(interaction.ReaderId) || string.IsNullOrWhiteSpace(interaction.ItemId))
        {
            throw new ArgumentException("An interaction needs a reader id and an item id.", nameof(interaction));
        }

        if (interaction.Kind == InteractionKind.Rating && interaction.Value is not (>= 0 and <= 10))
        {
            throw new ArgumentException("A rating needs a value between 0 and 10.", nameof(interaction));
        }

        if (!float.IsFinite(interaction.Weight) || interaction.Weight < 0)
        {
            throw new ArgumentException("The weight must be a finite, non-negative number.", nameof(interaction));
        }

        if (_writer is not null)
        {
            await _fileGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _writer.WriteLineAsync(JsonSerializer.Serialize(interaction, _json).AsMemory(), cancellationToken).ConfigureAwait(false);
                await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _fileGate.Release();
            }
        }

        Add(interaction);
    }

    /// <summary>Everything recorded so far, oldest first.</summary>
    public IReadOnlyList<Interaction> Snapshot()
    {
        lock (_gate)
        {
            return [.. _all];
        }
    }

    /// <summary>One reader's interactions, oldest first.</summary>
    public IReadOnlyList<Interaction> ForReader(string readerId)
    {
        lock (_gate)
        {
            return _byReader.TryGetValue(readerId ?? string.Empty, out var list) ? [.. list] : [];
        }
    }

    /// <summary>How many interactions a reader has; changes whenever they give feedback.</summary>
    public int CountForReader(string readerId)
    {
        lock (_gate)
        {
            return _byReader.TryGetValue(readerId ?? string.Empty, out var list) ? list.Count : 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _fileGate.Dispose();
    }

    private void Add(Interaction interaction)
    {
        lock (_gate)
        {
            _all.Add(interaction);
            if (!_byReader.TryGetValue(interaction.ReaderId, out var list))
            {
                _byReader[interaction.ReaderId] = list = [];
            }

            list.Add(interaction);
        }
    }
}
