using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace AuthorBot.Understanding.Intents;

/// <summary>
/// Trained classifiers by the hash of what they were trained from (examples, names, options): a host trains once at
/// start-up, and hosts that share one cache (the test suite starts dozens in one process) share the model instead of
/// training it again. Register one per process; nothing here is static.
/// </summary>
public sealed class IntentModelCache
{
    private readonly ConcurrentDictionary<string, Lazy<IntentClassifier>> _models = new(StringComparer.Ordinal);

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
        return _models.GetOrAdd(key, _ => new Lazy<IntentClassifier>(() => IntentClassifier.Train(examples, options))).Value;
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

        Add($"{options.Seed}|{options.WordNgramLength}|{options.CharNgramLength}|{options.L2Regularization:R}");
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
