using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace AuthorBot.Understanding.Intents;

/// <summary>
/// Trained classifiers by the hash of what they were trained from (examples, names, options): a host trains once at
/// start-up, and hosts that share one cache (the test suite starts dozens in one process) share the model instead of
/// training it again. With a snapshot folder, a model is saved there under its hash and loaded on the next start with
/// the same inputs instead of trained: loading skips the optimizer, and training is seeded and single-threaded, so the
/// loaded model is the one training would give. Register one per process; nothing here is static.
/// </summary>
/// <param name="snapshotDirectory">Where trained models are kept between starts; null keeps them in memory only.</param>
public sealed class IntentModelCache(string? snapshotDirectory = null)
{
    private const string SnapshotPrefix = "intent-model-";
    private readonly ConcurrentDictionary<string, Lazy<IntentClassifier>> _models = new(StringComparer.Ordinal);

    /// <summary>Where trained models are kept between starts, or null.</summary>
    public string? SnapshotDirectory { get; } = snapshotDirectory;

    /// <summary>How many distinct models have been trained.</summary>
    public int Count => _models.Count;

    /// <summary>The classifier for these examples and options, trained on first request.</summary>
    /// <param name="examples">The labelled examples.</param>
    /// <param name="options">Training options.</param>
    /// <returns>The classifier.</returns>
    public IntentClassifier GetOrTrain(IReadOnlyList<IntentExample> examples, IntentTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var key = Hash(examples, options);
        return _models.GetOrAdd(key, _ => new Lazy<IntentClassifier>(() => LoadOrTrain(key, examples, options))).Value;
    }

    /// <summary>The snapshot file of a hash.</summary>
    /// <param name="hash">The hash of the inputs.</param>
    /// <returns>The path, or null without a snapshot folder.</returns>
    public string? SnapshotPath(string hash) =>
        SnapshotDirectory is null ? null : Path.Combine(SnapshotDirectory, SnapshotPrefix + hash[..16].ToLowerInvariant() + ".zip");

    private IntentClassifier LoadOrTrain(string key, IReadOnlyList<IntentExample> examples, IntentTrainingOptions options)
    {
        var path = SnapshotPath(key);
        if (path is not null && File.Exists(path))
        {
            using var saved = File.OpenRead(path);
            return IntentClassifier.Load(saved, examples, options);
        }

        var classifier = IntentClassifier.Train(examples, options);
        if (path is not null)
        {
            Directory.CreateDirectory(SnapshotDirectory!);

            // Written aside and moved into place, so a start that is stopped halfway never leaves a torn model to load.
            var partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var file = File.Create(partial))
            {
                classifier.Save(file);
            }

            File.Move(partial, path, overwrite: true);
            foreach (var stale in Directory.EnumerateFiles(SnapshotDirectory!, SnapshotPrefix + "*.zip").Where(f => !string.Equals(f, path, StringComparison.Ordinal)))
            {
                File.Delete(stale);
            }
        }

        return classifier;
    }

    /// <summary>A SHA-256 of everything training depends on, so equal inputs share a model and any change trains anew.</summary>
    /// <param name="examples">The examples, in order (order changes SDCA's path).</param>
    /// <param name="options">The options.</param>
    /// <returns>The hash as hex.</returns>
    public static string Hash(IReadOnlyList<IntentExample> examples, IntentTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }

        Add($"{options.Seed}|{options.WordNgramLength}|{options.CharNgramLength}|{options.L2Regularization:R}|{options.OptimizationTolerance:R}|{options.MaximumIterations}");
        foreach (var entity in options.Entities)
        {
            Add($"{entity.Kind}|{entity.Phrase}|{entity.Value}");
        }

        foreach (var example in examples)
        {
            Add(example.Intent);
            Add(example.Text);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
