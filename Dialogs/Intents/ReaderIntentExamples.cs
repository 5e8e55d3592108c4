using AuthorBot.Dialogs.Content;
using AuthorBot.Understanding.Intents;
using AuthorBot.Understanding.Text;

namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// The labelled examples the classifier learns from: the shipped ones (Data/intents/&lt;intent&gt;.txt, one utterance a
/// line, "#" for comments), the author's additions and FAQ questions from author.json, and misses the author labelled.
/// </summary>
public static class ReaderIntentExamples
{
    /// <summary>The shipped examples' folder, beside the app's assemblies.</summary>
    public static readonly string DefaultFolder = Path.Combine(AppContext.BaseDirectory, "Data", "intents");

    /// <summary>Reads the shipped examples; every shipped intent needs its file and every file a shipped intent.</summary>
    /// <param name="folder">The folder of .txt files.</param>
    /// <returns>The examples, by intent in <see cref="ReaderIntents.Shipped"/> order, then file order.</returns>
    /// <exception cref="InvalidDataException">A file is missing, unknown or empty.</exception>
    public static IReadOnlyList<IntentExample> LoadShipped(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var unknown = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.txt").Select(Path.GetFileNameWithoutExtension).Where(n => !ReaderIntents.IsShipped(n)).ToList()
            : [];
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{folder} has example files for intents the bot does not know: {string.Join(", ", unknown)}.txt");
        }

        var examples = new List<IntentExample>();
        foreach (var intent in ReaderIntents.Shipped)
        {
            var file = Path.Combine(folder, intent + ".txt");
            if (!File.Exists(file))
            {
                throw new InvalidDataException($"The examples of the intent \"{intent}\" are missing: {file}");
            }

            var before = examples.Count;
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                var text = line.Trim();
                if (text.Length > 0 && !text.StartsWith('#'))
                {
                    examples.Add(new IntentExample(intent, text, $"{intent}.txt line {lineNumber}"));
                }
            }

            if (examples.Count == before)
            {
                throw new InvalidDataException($"{file} has no examples.");
            }
        }

        return examples;
    }

    /// <summary>The author's examples and FAQ questions.</summary>
    /// <param name="content">The author's content.</param>
    /// <returns>The examples.</returns>
    public static IReadOnlyList<IntentExample> FromAuthor(AuthorContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var examples = new List<IntentExample>();
        foreach (var (intent, texts) in content.IntentExamples.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            examples.AddRange(texts.Select((t, i) => new IntentExample(intent, t, $"author.json intentExamples.{intent}[{i}]")));
        }

        foreach (var entry in content.Faq)
        {
            examples.AddRange(entry.Examples.Select((t, i) => new IntentExample(entry.Intent, t, $"author.json faq {entry.Id} examples[{i}]")));
        }

        return examples;
    }

    /// <summary>The names read as their kind: the books' titles ("book") and the author's full, first and last name ("author").</summary>
    /// <param name="content">The author's content.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<EntityPhrase> Entities(AuthorContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entities = content.Books.Select(b => new EntityPhrase("book", b.Title, b.Id)).ToList();
        var names = content.AuthorName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        entities.Add(new EntityPhrase("author", content.AuthorName, content.AuthorName));
        if (names.Length > 1)
        {
            entities.Add(new EntityPhrase("author", names[0], content.AuthorName));
            entities.Add(new EntityPhrase("author", names[^1], content.AuthorName));
        }

        return entities;
    }
}
