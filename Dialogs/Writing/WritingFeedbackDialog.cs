using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Routing;
using AuthorBot.Understanding.Writing;
using Microsoft.Extensions.Options;

namespace AuthorBot.Dialogs.Writing;

/// <summary>
/// Writing feedback for the author: a pasted passage or an uploaded .txt, .md or .docx file comes back as a card of
/// readability grades, style counts and the five suggestions that matter most; "compare with my last draft" shows what
/// moved. Short texts are answered in the turn; long manuscripts go to <see cref="WritingJobs"/>, which posts progress
/// and then the card. Readers who are not the author are told it is not for them.
/// </summary>
public sealed partial class WritingFeedbackDialog : ComponentDialog
{
    /// <summary>Pasted text shorter than this is taken as a request, not a passage, when the flow starts.</summary>
    internal const int PassageWords = 40;

    private const string StepsId = nameof(WritingFeedbackDialog) + ".steps";
    private const string AskText =
        "Paste a passage (a few paragraphs work best) or upload a .txt, .md or .docx file, and I'll tell you how it reads. "
        + "After a second draft, say \"compare with my last draft\" to see what moved.";

    private readonly AuthorDirectory _authors;
    private readonly WritingAnalyzer _analyzer;
    private readonly WritingDraftStore _drafts;
    private readonly WritingJobs _jobs;
    private readonly IReadOnlyList<IAttachmentSource> _files;
    private readonly IOptionsMonitor<WritingOptions> _options;
    private readonly TimeProvider _clock;

    internal WritingFeedbackDialog(
        AuthorDirectory authors,
        WritingAnalyzer analyzer,
        WritingDraftStore drafts,
        WritingJobs jobs,
        IEnumerable<IAttachmentSource> files,
        IOptionsMonitor<WritingOptions> options,
        TimeProvider clock)
        : base(nameof(WritingFeedbackDialog))
    {
        _authors = authors;
        _analyzer = analyzer;
        _drafts = drafts;
        _jobs = jobs;
        _files = [.. files];
        _options = options;
        _clock = clock;
        AddDialog(new WaterfallDialog(StepsId, [StartAsync, PassageAsync]));
        InitialDialogId = StepsId;
    }

    /// <summary>True when the message asks to compare drafts.</summary>
    internal static bool AsksToCompare(Activity activity) =>
        string.Equals(CardSubmit.ActionOf(activity), WritingCards.CompareAction, StringComparison.Ordinal)
        || (activity.Text is { Length: < 100 } text && ComparePattern().IsMatch(text));

    /// <summary>True when the message carries a file the analyzer reads.</summary>
    internal static bool HasManuscript(Activity activity) =>
        activity.Attachments?.Any(a => ManuscriptText.FormatOf(a.Name, a.ContentType) is not null) == true;

    /// <summary>Words in a message, counted roughly (enough to tell a passage from a request).</summary>
    internal static int WordsIn(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : WordPattern().Count(text);

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (!_authors.IsAuthor(step.Context))
        {
            await step.Context.SendActivityAsync(
                "Writing feedback is one of the author's own tools, so I can't open it here. Say \"menu\" to see what I can do for you.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (await TryAnswerAsync(step.Context, PassageWords, cancellationToken).ConfigureAwait(false))
        {
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(Replies.Question(AskText), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private async Task<DialogTurnResult> PassageAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (!await TryAnswerAsync(step.Context, 1, cancellationToken).ConfigureAwait(false))
        {
            await step.Context.SendActivityAsync(
                "I need some text to read: paste a passage or upload a .txt, .md or .docx file. Say \"writing feedback\" when you're ready.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers the message if it is a comparison, a file or a passage of at least <paramref name="minWords"/> words.</summary>
    private async Task<bool> TryAnswerAsync(ITurnContext turnContext, int minWords, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (AsksToCompare(activity))
        {
            await CompareAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (HasManuscript(activity))
        {
            var text = await ReadFileAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (text is not null)
            {
                await AnalyseAsync(turnContext, text, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        if (WordsIn(activity.Text) >= Math.Max(minWords, 1))
        {
            await AnalyseAsync(turnContext, activity.Text!, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task<string?> ReadFileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var attachment = turnContext.Activity.Attachments!.First(a => ManuscriptText.FormatOf(a.Name, a.ContentType) is not null);
        var format = ManuscriptText.FormatOf(attachment.Name, attachment.ContentType)!.Value;
        foreach (var source in _files)
        {
            var stream = await source.OpenAsync(turnContext, attachment, cancellationToken).ConfigureAwait(false);
            if (stream is null)
            {
                continue;
            }

            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    return await ManuscriptText.ReadAsync(stream, format, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException exception)
                {
                    await turnContext.SendActivityAsync(exception.Message + " Save it as .docx, .md or .txt and try again.", cancellationToken: cancellationToken).ConfigureAwait(false);
                    return null;
                }
            }
        }

        // Teams and the Emulator keep files on their own servers: paste the text there instead.
        await turnContext.SendActivityAsync(
            "I can't open files sent on this channel. Paste the passage as a message, or upload the file in the chat on the author's page.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task AnalyseAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var words = WordsIn(text);
        if (words == 0)
        {
            await turnContext.SendActivityAsync("That file has no text I can read. Is it the right one?", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (words > options.MaxWords)
        {
            await turnContext.SendActivityAsync(
                string.Create(CultureInfo.InvariantCulture, $"That's {words:N0} words; I read up to {options.MaxWords:N0} at a time. Please send it in parts."),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var author = TurnReader.Of(turnContext);
        if (words > options.BackgroundWords)
        {
            var job = new WritingJob(turnContext.Adapter, turnContext.Activity.GetConversationReference(), author, text, words);
            var reply = _jobs.TryEnqueue(job)
                ? string.Create(CultureInfo.InvariantCulture, $"That's {words:N0} words, so I'll read it in the background and post my progress here. The feedback card follows when I'm done.")
                : "I'm reading several manuscripts already. Please send this one again in a few minutes.";
            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var report = _analyzer.Analyze(text, cancellationToken: cancellationToken);
        await _drafts.AddAsync(author, DraftFigures.Of(report, _clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(WritingCards.Feedback(report), cancellationToken).ConfigureAwait(false);
    }

    private async Task CompareAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var drafts = await _drafts.ReadAsync(TurnReader.Of(turnContext), cancellationToken).ConfigureAwait(false);
        if (drafts?.Last is not { } last || drafts.Previous is not { } previous)
        {
            await turnContext.SendActivityAsync(
                drafts?.Last is null
                    ? "I haven't read any of your drafts yet. Paste a passage or upload a file first, then the next draft."
                    : "I've only read one draft so far. Send me the next one and I'll show you what moved.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await turnContext.SendActivityAsync(WritingCards.Comparison(previous, last), cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex(@"\bcompare\b.*\b(draft|drafts|last|previous|before)\b|\bwhat (has )?(moved|changed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComparePattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
