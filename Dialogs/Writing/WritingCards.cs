using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Routing;
using AuthorBot.Understanding.Writing;

namespace AuthorBot.Dialogs.Writing;

/// <summary>The writing-feedback card and the draft comparison, as Adaptive Cards with a plain-text fallback.</summary>
internal static class WritingCards
{
    /// <summary>The card button that compares the last two drafts.</summary>
    public const string CompareAction = "writing.compare";

    private const int QuoteLength = 240;
    private const int ToneSegments = 8;

    public static Activity Feedback(WritingReport report)
    {
        var r = report.Readability;
        var spread = report.SentenceLengths;
        var readability = new List<(string, string)>
        {
            ("Flesch reading ease", Invariant($"{r.FleschReadingEase:0.#} ({EaseWord(r.FleschReadingEase)})")),
            ("Flesch–Kincaid grade", Invariant($"{r.FleschKincaidGrade:0.#}")),
            ("Gunning fog", Invariant($"{r.GunningFog:0.#}")),
            ("SMOG", r.Smog > 0 ? Invariant($"{r.Smog:0.#}") : "needs three sentences or more"),
            ("Coleman–Liau", Invariant($"{r.ColemanLiau:0.#}")),
        };
        var style = new List<(string, string)>
        {
            ("Sentence length", Invariant($"{spread.Mean:0.#} words on average (spread ±{spread.StandardDeviation:0.#}, {spread.Shortest}–{spread.Longest}; {spread.OverThirty} over 30)")),
            ("Passive voice", Invariant($"{report.PassiveSentences.Count} of {report.Sentences} sentences")),
            ("Adverbs (-ly)", Tally(report.AdverbCount, report.Adverbs)),
            ("Filler words", Tally(report.FillerCount, report.Fillers)),
            ("Hedges", Tally(report.HedgeCount, report.Hedges)),
            ("Close repeats", Invariant($"{report.Repetitions.Count}") + (report.Repetitions.Count > 0 ? " (" + string.Join(", ", report.Repetitions.Select(p => p.Phrase).Distinct().Take(4)) + ")" : string.Empty)),
            ("Dialogue", Invariant($"{report.DialogueShare:P0} of the text")),
            ("Tone by paragraph", Tone(report.ParagraphTone)),
        };

        var body = new List<JsonNode>
        {
            AdaptiveCards.TextBlock("Writing feedback: " + Counted(report.Words, "word") + ", " + Counted(report.Sentences, "sentence") + ", " + Counted(report.Paragraphs, "paragraph"), size: "medium", weight: "bolder"),
            AdaptiveCards.FactSet(readability),
            AdaptiveCards.FactSet(style),
            AdaptiveCards.TextBlock(report.Suggestions.Count == 0 ? "Nothing stands out: no suggestions this time." : "What I'd look at first:", weight: "bolder"),
        };
        var fallback = new StringBuilder(Invariant($"Writing feedback for {report.Words} words. "))
            .Append(string.Join("; ", readability.Concat(style).Select(f => f.Item1 + ": " + f.Item2)));
        var number = 0;
        foreach (var suggestion in report.Suggestions)
        {
            number++;
            body.Add(AdaptiveCards.TextBlock(Invariant($"{number}. {Capitalize(suggestion.Kind)}: {suggestion.Advice}")));
            body.Add(AdaptiveCards.TextBlock("“" + Shorten(suggestion.Sentence) + "”", subtle: true));
            fallback.Append(Invariant($" {number}. {suggestion.Advice} “{Shorten(suggestion.Sentence)}”"));
        }

        var card = AdaptiveCards.Card(
            body,
            [AdaptiveCards.Submit("Compare with my last draft", new JsonObject { [CardSubmit.ActionProperty] = CompareAction })],
            fallbackText: fallback.ToString());
        return MessageFactory.Attachment(AdaptiveCards.ToAttachment(card));
    }

    public static Activity Comparison(DraftFigures before, DraftFigures after)
    {
        var rows = new List<(string, string)>
        {
            ("Words", Moved(before.Words, after.Words, "N0")),
            ("Flesch reading ease", Moved(before.ReadingEase, after.ReadingEase, "0.#")),
            ("Flesch–Kincaid grade", Moved(before.Grade, after.Grade, "0.#")),
            ("Gunning fog", Moved(before.Fog, after.Fog, "0.#")),
            ("SMOG", Moved(before.Smog, after.Smog, "0.#")),
            ("Coleman–Liau", Moved(before.ColemanLiau, after.ColemanLiau, "0.#")),
            ("Average sentence", Moved(before.MeanSentence, after.MeanSentence, "0.#")),
            ("Passive sentences", Moved(before.Passive, after.Passive, "0")),
            ("Adverbs", Moved(before.Adverbs, after.Adverbs, "0")),
            ("Filler words", Moved(before.Fillers, after.Fillers, "0")),
            ("Hedges", Moved(before.Hedges, after.Hedges, "0")),
            ("Close repeats", Moved(before.Repetitions, after.Repetitions, "0")),
            ("Dialogue", Moved(before.DialogueShare * 100, after.DialogueShare * 100, "0") + " %"),
            ("Average tone", Moved(before.Tone, after.Tone, "+0.00;-0.00;0")),
        };
        const string Title = "What moved since your previous draft:";
        var card = AdaptiveCards.Card(
            [AdaptiveCards.TextBlock(Title, size: "medium", weight: "bolder"), AdaptiveCards.FactSet(rows)],
            fallbackText: Title + " " + string.Join("; ", rows.Select(r => r.Item1 + ": " + r.Item2)));
        return MessageFactory.Attachment(AdaptiveCards.ToAttachment(card));
    }

    private static string Moved(double before, double after, string format)
    {
        var from = before.ToString(format, CultureInfo.InvariantCulture);
        var to = after.ToString(format, CultureInfo.InvariantCulture);
        return from == to ? to + " (unchanged)" : $"{from} → {to}";
    }

    private static string Counted(int count, string noun) => Invariant($"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Tally(int total, IReadOnlyList<WordTally> words) =>
        total == 0 ? "none" : Invariant($"{total} (") + string.Join(", ", words.Take(4).Select(w => Invariant($"{w.Word} ×{w.Count}"))) + ")";

    /// <summary>The tone of each paragraph, or of up to eight stretches of a long text, from dark (−1) to bright (+1).</summary>
    private static string Tone(IReadOnlyList<double> tones)
    {
        if (tones.Count == 0)
        {
            return "no paragraphs";
        }

        var segments = Math.Min(ToneSegments, tones.Count);
        var parts = new List<string>(segments);
        for (var s = 0; s < segments; s++)
        {
            var from = s * tones.Count / segments;
            var to = (s + 1) * tones.Count / segments;
            var mean = tones.Skip(from).Take(to - from).Average();
            parts.Add(mean.ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture));
        }

        return (tones.Count > ToneSegments ? Invariant($"{segments} stretches: ") : string.Empty) + string.Join(" · ", parts);
    }

    private static string EaseWord(double ease) => ease switch
    {
        >= 80 => "easy",
        >= 60 => "plain English",
        >= 40 => "fairly difficult",
        _ => "difficult",
    };

    private static string Shorten(string sentence) => sentence.Length <= QuoteLength ? sentence : sentence[..(QuoteLength - 1)].TrimEnd() + "…";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
