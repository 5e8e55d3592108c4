using System.Globalization;
using AuthorBot.Dialogs.Content;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// Every quiz question: those the author wrote in author.json's "quiz", then those made from the books (characters,
/// settings, series order, publication order, narrators, blurbs, events). Choice order and each reader's rounds come
/// from stable hashes, so the same reader gets the same round after a restart and tests can predict it.
/// </summary>
public sealed class QuizBank
{
    /// <summary>Questions per round.</summary>
    public const int RoundLength = 5;

    private readonly Dictionary<string, QuizQuestion> _byId;

    /// <summary>Builds the questions from the author's content.</summary>
    /// <param name="content">The author's content.</param>
    public QuizBank(AuthorContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var questions = new List<QuizQuestion>();
        foreach (var authored in content.Quiz)
        {
            // The author chose the order of their choices; keep it.
            questions.Add(new QuizQuestion(authored.Id, authored.Question, authored.Choices, authored.AnswerIndex));
        }

        var made = new List<QuizQuestion>();
        MakeFromBooks(content, made);
        var ids = new HashSet<string>(questions.Select(q => q.Id), StringComparer.Ordinal);
        questions.AddRange(made.Where(q => ids.Add(q.Id)));
        Questions = questions;
        _byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    /// <summary>Every question, the author's first.</summary>
    public IReadOnlyList<QuizQuestion> Questions { get; }

    /// <summary>The question with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The question, or null.</returns>
    public QuizQuestion? Find(string? id) => id is not null && _byId.TryGetValue(id, out var question) ? question : null;

    /// <summary>The questions of one reader's round: <see cref="RoundLength"/> of them (fewer when the bank is small), chosen by the seed.</summary>
    /// <param name="seed">Names the reader and the round, e.g. "emulator/ada/3".</param>
    /// <returns>The questions in the order asked.</returns>
    public IReadOnlyList<QuizQuestion> Round(string seed) =>
        [.. Questions.OrderBy(q => StableHash.Of(seed + "|" + q.Id)).ThenBy(q => q.Id, StringComparer.Ordinal).Take(RoundLength)];

    private static void MakeFromBooks(AuthorContent content, List<QuizQuestion> made)
    {
        var books = content.Books;
        var titles = books.Select(b => b.Title).ToList();
        var characters = books.SelectMany(b => b.Characters.Select(c => (Book: b, Character: c))).ToList();
        foreach (var (book, character) in characters)
        {
            var slug = Slug(character.Name);
            Add(made, $"character-book-{book.Id}-{slug}", $"In which book do you meet {character.Name}, the {character.Role}?", book.Title, titles);
            Add(made, $"character-name-{book.Id}-{slug}", $"In {book.Title}, who is the {character.Role}?", character.Name, characters.Select(c => c.Character.Name));
        }

        var settings = books.Where(b => b.Setting is not null).ToList();
        foreach (var book in settings)
        {
            Add(made, $"setting-{book.Id}", $"Where is {book.Title} set?", book.Setting!, settings.Select(b => b.Setting!));
        }

        foreach (var book in books.Where(b => b.Series is not null))
        {
            var series = book.Series!;
            Add(made, $"series-{book.Id}", $"Which book is number {series.Number.ToString(CultureInfo.InvariantCulture)} in {series.Name}?", book.Title, titles);
        }

        var published = books.Where(b => b.PublishedOn is not null).OrderBy(b => b.PublishedOn).ToList();
        if (published.Count >= 2)
        {
            Add(made, "published-first", $"Which of {content.AuthorName}'s books came out first?", published[0].Title, published.Select(b => b.Title));
        }

        var narrators = books.SelectMany(b => b.Formats.Where(f => f.Narrator is not null).Select(f => (Book: b, f.Narrator))).ToList();
        foreach (var (book, narrator) in narrators)
        {
            Add(made, $"narrator-{book.Id}", $"Who narrates the audiobook of {book.Title}?", narrator!, narrators.Select(n => n.Narrator!).Append(content.AuthorName));
        }

        foreach (var book in books)
        {
            Add(made, $"blurb-{book.Id}", $"Which book is this? \"{Hide(book.Blurb, book.Title)}\"", book.Title, titles);
        }

        foreach (var e in content.Events.Where(e => e.BookId is not null && content.FindBook(e.BookId) is { } b && !e.Title.Contains(b.Title, StringComparison.OrdinalIgnoreCase)))
        {
            Add(made, $"event-{e.Id}", $"Which book is the event \"{e.Title}\" for?", content.FindBook(e.BookId)!.Title, titles);
        }
    }

    /// <summary>Adds a question whose choices are the answer and up to three others, in an order fixed by the id.</summary>
    private static void Add(List<QuizQuestion> made, string id, string text, string answer, IEnumerable<string> pool)
    {
        var others = pool.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(o => !string.Equals(o, answer, StringComparison.OrdinalIgnoreCase))
            .OrderBy(o => StableHash.Of(id + "|" + o))
            .Take(AuthorContentLoader.MaxQuizChoices - 1)
            .ToList();
        if (others.Count == 0)
        {
            // A question with one possible answer is no question.
            return;
        }

        var choices = others.Append(answer).OrderBy(c => StableHash.Of(id + "#" + c)).ToList();
        made.Add(new QuizQuestion(id, text, choices, choices.IndexOf(answer)));
    }

    private static string Hide(string blurb, string title) => blurb.Replace(title, "this book", StringComparison.OrdinalIgnoreCase);

    private static string Slug(string name) =>
        string.Join('-', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)])).Where(w => w.Length > 0));
}
