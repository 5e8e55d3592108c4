using System.Text;
using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Engine;

/// <summary>
/// Versioned binary snapshots of <see cref="RecommenderModel"/>. Layout (little-endian): magic "ABRM", format version,
/// model version, creation time, λ, α, item ids, factor count and item vectors, popularity arrays; since format 2 the
/// EASE rows and weights, popularity per genre, and the learned stage (feature layout version, candidate count and its
/// trees); then the end marker "ABRE" so a truncated file is detected. Format 1 files still load (without the new
/// parts). Saving writes a temporary file beside the target and renames it over the target, so readers see the old
/// snapshot or the new one, never half of one.
/// </summary>
public static class ModelSnapshotFile
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int FormatVersion = 2;

    private const int MaxItems = 10_000_000;
    private static readonly byte[] _magic = "ABRM"u8.ToArray();
    private static readonly byte[] _endMarker = "ABRE"u8.ToArray();

    /// <summary>Writes the snapshot atomically (temp file + rename).</summary>
    /// <exception cref="NotSupportedException">The learned stage is not a tree ensemble (offline-only trainers are never saved).</exception>
    public static async Task SaveAsync(RecommenderModel model, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new MemoryStream();
                using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
                {
                    Write(writer, model);
                }

                buffer.Position = 0;
                await buffer.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Reads a snapshot.</summary>
    /// <exception cref="InvalidDataException">The file is not a snapshot, is of an unknown format version, or is truncated.</exception>
    public static async Task<RecommenderModel> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        try
        {
            return Read(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Model snapshot '{path}' is truncated.", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Model snapshot '{path}' is inconsistent: {e.Message}", e);
        }
    }

    private static void Write(BinaryWriter w, RecommenderModel model)
    {
        w.Write(_magic);
        w.Write(FormatVersion);
        w.Write(model.Version);
        w.Write(model.CreatedAt.ToUnixTimeMilliseconds());
        w.Write(model.Regularization);
        w.Write(model.Alpha);
        w.Write(model.ItemIds.Count);
        foreach (var id in model.ItemIds)
        {
            w.Write(id);
        }

        var factors = model.ItemFactors;
        w.Write(factors?.Factors ?? 0);
        if (factors is not null)
        {
            WriteFloats(w, factors.ItemFactors);
        }

        WriteFloats(w, model.Popularity);
        for (var p = 0; p < DayParts.Count; p++)
        {
            WriteFloats(w, model.DayPartPopularity((DayPart)p));
        }

        var channels = model.Channels.OrderBy(c => c, StringComparer.Ordinal).ToArray();
        w.Write(channels.Length);
        foreach (var channel in channels)
        {
            w.Write(channel);
            WriteFloats(w, model.ChannelPopularity(channel));
        }

        WriteItemItem(w, model.ItemItem);
        var tags = model.Tags.Order(StringComparer.Ordinal).ToArray();
        w.Write(tags.Length);
        foreach (var tag in tags)
        {
            w.Write(tag);
            WriteFloats(w, model.TagPopularity(tag));
        }

        WriteRanker(w, model.Ranker);
        w.Write(_endMarker);
    }

    private static RecommenderModel Read(BinaryReader r)
    {
        if (!r.ReadBytes(4).AsSpan().SequenceEqual(_magic))
        {
            throw new InvalidDataException("Not a recommender model snapshot (bad magic).");
        }

        var format = r.ReadInt32();
        if (format is not (1 or FormatVersion))
        {
            throw new InvalidDataException($"Model snapshot format {format} is not supported (this build reads {FormatVersion}); retrain to replace it.");
        }

        var version = r.ReadInt64();
        var created = DateTimeOffset.FromUnixTimeMilliseconds(r.ReadInt64());
        var lambda = r.ReadSingle();
        var alpha = r.ReadSingle();
        var n = Count(r.ReadInt32(), MaxItems, "item count");
        var ids = new string[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = r.ReadString();
        }

        var k = Count(r.ReadInt32(), 4096, "factor count");
        FactorModel? factors = null;
        if (k > 0)
        {
            factors = new FactorModel(k, 0, [], new float[n], [], ReadFloats(r, checked(n * k)));
        }

        var popularity = ReadFloats(r, n);
        var dayParts = new float[DayParts.Count][];
        for (var p = 0; p < dayParts.Length; p++)
        {
            dayParts[p] = ReadFloats(r, n);
        }

        var channelCount = Count(r.ReadInt32(), 1000, "channel count");
        var channels = new Dictionary<string, float[]>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < channelCount; c++)
        {
            var name = r.ReadString();
            channels[name] = ReadFloats(r, n);
        }

        ItemItemModel? itemItem = null;
        var tags = new Dictionary<string, float[]>(StringComparer.OrdinalIgnoreCase);
        LearnedRanker? ranker = null;
        if (format >= 2)
        {
            itemItem = ReadItemItem(r, n);
            var tagCount = Count(r.ReadInt32(), 100_000, "genre count");
            for (var t = 0; t < tagCount; t++)
            {
                var name = r.ReadString();
                tags[name] = ReadFloats(r, n);
            }

            ranker = ReadRanker(r);
        }

        if (!r.ReadBytes(4).AsSpan().SequenceEqual(_endMarker))
        {
            throw new InvalidDataException("Model snapshot has no end marker; it is truncated or corrupt.");
        }

        return new RecommenderModel(version, created, ids, factors, lambda, alpha, popularity, dayParts, channels, itemItem, tags, ranker);
    }

    private static void WriteItemItem(BinaryWriter w, ItemItemModel? itemItem)
    {
        var items = itemItem is null ? ReadOnlySpan<int>.Empty : itemItem.Items;
        w.Write(items.Length);
        foreach (var item in items)
        {
            w.Write(item);
        }

        if (itemItem is not null)
        {
            var m = items.Length;
            var weights = new float[m * m];
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++)
                {
                    weights[(a * m) + b] = itemItem.Weights.Weight(a, b);
                }
            }

            WriteFloats(w, weights);
        }
    }

    private static ItemItemModel? ReadItemItem(BinaryReader r, int n)
    {
        var m = Count(r.ReadInt32(), Math.Min(n, 20_000), "item-to-item row count");
        if (m == 0)
        {
            return null;
        }

        var items = new int[m];
        for (var i = 0; i < m; i++)
        {
            items[i] = r.ReadInt32();
        }

        return new ItemItemModel(items, new EaseModel(m, ReadFloats(r, checked(m * m))), n);
    }

    private static void WriteRanker(BinaryWriter w, LearnedRanker? ranker)
    {
        if (ranker is null)
        {
            w.Write(0);
            return;
        }

        var trees = ranker.Trees ?? throw new NotSupportedException($"A learned stage trained with {ranker.Trainer} cannot be saved; only tree ensembles are served.");
        w.Write(RankingFeatures.Version);
        w.Write(ranker.Candidates);
        w.Write(trees.FeatureCount);
        w.Write(trees.Bias);
        WriteInts(w, trees.NodeStarts);
        WriteInts(w, trees.LeafStarts);
        WriteInts(w, trees.SplitFeatures);
        WriteFloats(w, trees.Thresholds);
        WriteInts(w, trees.LeftChildren);
        WriteInts(w, trees.RightChildren);
        WriteFloats(w, trees.LeafValues);
    }

    private static LearnedRanker? ReadRanker(BinaryReader r)
    {
        var layout = r.ReadInt32();
        if (layout == 0)
        {
            return null;
        }

        var candidates = Count(r.ReadInt32(), 100_000, "candidate count");
        var features = Count(r.ReadInt32(), 10_000, "feature count");
        var bias = r.ReadSingle();
        var nodeStarts = ReadInts(r);
        var leafStarts = ReadInts(r);
        var splitFeatures = ReadInts(r);
        var thresholds = ReadFloats(r, splitFeatures.Length);
        var left = ReadInts(r);
        var right = ReadInts(r);
        var leaves = ReadFloats(r, leafStarts.Length > 0 ? leafStarts[^1] : 0);

        // Trees of another feature layout would read the wrong columns: drop the stage, the blend serves until the next retrain.
        return layout == RankingFeatures.Version && features == RankingFeatures.Count
            ? new LearnedRanker(new TreeEnsemble(features, bias, nodeStarts, leafStarts, splitFeatures, thresholds, left, right, leaves), candidates)
            : null;
    }

    private static void WriteInts(BinaryWriter w, ReadOnlySpan<int> values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[Count(r.ReadInt32(), 50_000_000, "array length")];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadInt32();
        }

        return values;
    }

    private static int Count(int value, int max, string what) =>
        value < 0 || value > max ? throw new InvalidDataException($"Model snapshot has an impossible {what} ({value}).") : value;

    private static void WriteFloats(BinaryWriter w, ReadOnlySpan<float> values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static float[] ReadFloats(BinaryReader r, int expected)
    {
        var length = r.ReadInt32();
        if (length != expected)
        {
            throw new InvalidDataException($"Model snapshot array has {length} values where {expected} were expected.");
        }

        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = r.ReadSingle();
        }

        return values;
    }
}
