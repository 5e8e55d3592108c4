using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// "What should I read next?": asks a new reader which genres they like, then shows five books as cards. Each
/// "Sounds good", "Not for me" or "Already read" is recorded at once, so "more" brings a list that reflects it;
/// "why this one?" explains a pick; "done" ends.
/// </summary>
public sealed class RecommendationDialog : ComponentDialog
{
    /// <summary>How many books a list shows.</summary>
    public const int ListSize = 5;

    /// <summary>The hint under every list.</summary>
    // No angle brackets: Web Chat renders markdown with inline HTML, so a "<title>" placeholder was swallowed as a tag
    // and showed a stray "</p>".
    public const string Hint = "Tap a button on a card, or say \"more\" for another list, \"why\" with a book's title to hear why I picked it, or \"done\".";

    /// <summary>The hint in Teams, where each book is its own message and a reaction to it counts too.</summary>
    /// <remarks>No "&lt;title&gt;" placeholder as elsewhere: Teams reads angle brackets as HTML and drops them.</remarks>
    public const string TeamsHint = "Tap a button on a card (or react 👍 or 👎 to it), or say \"more\" for another list, \"why\" and a title to hear why I picked a book, or \"done\".";

    private const string StartId = nameof(RecommendationDialog) + ".start";
    private const string BrowseId = nameof(RecommendationDialog) + ".browse";
    private const string AwaitReplyId = nameof(RecommendationDialog) + ".reply";
    private const string StateKey = "browse";
    private const int MostMisses = 3;

    private readonly ReaderStateAccessors _state;
    private readonly ReaderRecommender _recommender;
    private readonly BookFeedback _feedback;

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="recommender">The recommender.</param>
    /// <param name="feedback">Records a reader's feedback on a book.</param>
    public RecommendationDialog(ReaderStateAccessors state, ReaderRecommender recommender, BookFeedback feedback)
        : base(nameof(RecommendationDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _recommender = recommender ?? throw new ArgumentNullException(nameof(recommender));
        _feedback = feedback ?? throw new ArgumentNullException(nameof(feedback));
        AddDialog(new WaterfallDialog(StartId, [AskGenresIfNewAsync, BrowseAsync]));
        AddDialog(new WaterfallDialog(BrowseId, [PresentAsync, HandleReplyAsync]));
        AddDialog(new AwaitReplyDialog(AwaitReplyId, Hint, IsBrowseReplyAsync));
        AddDialog(new GenrePickerDialog(recommender));
        InitialDialogId = StartId;
    }

    private async Task<DialogTurnResult> AskGenresIfNewAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        BookCatalog catalog;
        try
        {
            catalog = await _recommender.CatalogAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RecommendationsUnavailableException)
        {
            await step.Context.SendActivityAsync("Sorry, I can't recommend books right now. Please try again later.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        // Feedback on a book from an earlier list ("Sounds good: Dune", typed or a card's button) starts the flow
        // again: take it, then show a fresh list. Typed feedback only names a book of the last list shown.
        var lastShown = (await _state.LastShownBooks.GetAsync(step.Context, () => [], cancellationToken).ConfigureAwait(false))
            .Select(catalog.Find).OfType<CatalogItem>().ToList();
        if (BrowseReplyParser.Parse(step.Context.Activity, lastShown, catalog) is { Command: BrowseCommand.Feedback, Kind: { } kind, BookId: { } bookId })
        {
            await _feedback.RecordAsync(step.Context, kind, catalog.Find(bookId)!, cancellationToken).ConfigureAwait(false);
            return await step.NextAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var profile = await ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var genres = await _recommender.GenresAsync(cancellationToken).ConfigureAwait(false);
        var history = await _recommender.HistoryAsync(ReaderId(step.Context), cancellationToken).ConfigureAwait(false);
        return history.Count > 0 || genres.FromInterests(profile.Interests).Count > 0
            ? await step.NextAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
            : await step.BeginDialogAsync(nameof(GenrePickerDialog), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> BrowseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is List<string> { Count: > 0 } picked)
        {
            var profile = await ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
            foreach (var tag in picked.Where(t => !profile.Interests.Contains(t, StringComparer.OrdinalIgnoreCase)))
            {
                profile.Interests.Add(tag);
            }

            await step.Context.SendActivityAsync(
                $"Thanks! I'll remember you like {Join(picked.Select(t => GenreVocabulary.Label(t).ToLowerInvariant()))}.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await step.BeginDialogAsync(BrowseId, new BrowseState(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> PresentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var browse = step.GetOptions<BrowseState>() ?? new BrowseState();
        step.Values[StateKey] = browse;
        if (browse.ShowList && !await ShowListAsync(step.Context, browse, cancellationToken).ConfigureAwait(false))
        {
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await step.BeginDialogAsync(AwaitReplyId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> HandleReplyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var browse = step.Values.GetValue<BrowseState>(StateKey) ?? new BrowseState();
        var context = step.Context;
        var catalog = await _recommender.CatalogAsync(cancellationToken).ConfigureAwait(false);
        var current = browse.Current.Select(catalog.Find).OfType<CatalogItem>().ToList();
        var reply = BrowseReplyParser.Parse(context.Activity, current, catalog, browse.Focus);
        browse.ShowList = false;
        browse.Misses = reply.Command == BrowseCommand.Unknown ? browse.Misses + 1 : 0;
        switch (reply.Command)
        {
            case BrowseCommand.Done:
                await context.SendActivityAsync("Happy reading! Say \"recommend\" whenever you'd like more ideas.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
            case BrowseCommand.More:
                browse.ShowList = true;
                break;
            case BrowseCommand.Why:
                await ExplainAsync(context, reply, browse, current, catalog, cancellationToken).ConfigureAwait(false);
                break;
            case BrowseCommand.Feedback when reply.NamedUnknownBook:
                await context.SendActivityAsync("I couldn't find that book in this list. Tap the button on its card, or use its number, e.g. \"not for me 2\".", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case BrowseCommand.Feedback when reply.Candidates is { Count: > 1 } candidates:
                var which = string.Join(" or ", candidates.Select(id => $"{current.FindIndex(b => b.Id == id) + 1}. {BrowseReplyParser.ShortTitle(catalog.Find(id)!.Title)}"));
                var say = FeedbackWords.ButtonTitle(reply.Kind!.Value).ToLowerInvariant();
                await context.SendActivityAsync(Replies.Question($"Which one did you mean: {which}? Tap its button, or say e.g. \"{say} {current.FindIndex(b => b.Id == candidates[0]) + 1}\"."), cancellationToken).ConfigureAwait(false);
                break;
            case BrowseCommand.Feedback when reply.BookId is null:
                var words = FeedbackWords.ButtonTitle(reply.Kind!.Value).ToLowerInvariant();
                await context.SendActivityAsync($"Which book? Tap the button on its card, or say its number, e.g. \"{words} 2\".", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case BrowseCommand.Feedback:
                await _feedback.RecordAsync(context, reply.Kind!.Value, catalog.Find(reply.BookId)!, cancellationToken).ConfigureAwait(false);
                browse.Focus = reply.BookId;
                break;
            default:
                if (browse.Misses >= MostMisses)
                {
                    await context.SendActivityAsync("Let's leave the book list there. Say \"recommend\" whenever you'd like more ideas.", cancellationToken: cancellationToken).ConfigureAwait(false);
                    return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
                }

                var about = reply.BookId is { } id ? $"What would you like to do with {BrowseReplyParser.ShortTitle(catalog.Find(id)!.Title)}? " : "Sorry, I didn't follow. ";
                await context.SendActivityAsync(Replies.Question(about + Hint), cancellationToken).ConfigureAwait(false);
                break;
        }

        return await step.ReplaceDialogAsync(BrowseId, browse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the next list; false when there is nothing left to suggest.</summary>
    private async Task<bool> ShowListAsync(ITurnContext context, BrowseState browse, CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(context, cancellationToken).ConfigureAwait(false);
        var genres = await _recommender.GenresAsync(cancellationToken).ConfigureAwait(false);
        var tags = genres.FromInterests(profile.Interests);
        var first = browse.Shown.Count == 0;
        var picks = await RecommendAsync(context, tags, browse.Shown, cancellationToken).ConfigureAwait(false);
        if (picks.Count == 0 && !first)
        {
            // Every unrejected book has been shown once: start over rather than run dry (rejected ones stay out).
            browse.Shown.Clear();
            picks = await RecommendAsync(context, tags, browse.Shown, cancellationToken).ConfigureAwait(false);
        }

        if (picks.Count == 0)
        {
            await context.SendActivityAsync("You've been through every book I know, so I have nothing new to suggest. Say \"recommend\" another time.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return false;
        }

        browse.Current = [.. picks.Select(p => p.Item.Id)];
        browse.Shown.AddRange(browse.Current);
        await _state.LastShownBooks.SetAsync(context, [.. browse.Current], cancellationToken).ConfigureAwait(false);
        browse.Focus = null;
        var intro = !first
            ? "Here's a fresh list, with your feedback taken into account."
            : tags.Count > 0
                ? $"Here are {picks.Count} books for someone who likes {Join(tags.Select(t => GenreVocabulary.Label(t).ToLowerInvariant()))}."
                : $"Here are {picks.Count} books readers love.";
        var channelId = context.Activity.ChannelId;
        if (string.Equals(channelId, Channels.Msteams, StringComparison.Ordinal))
        {
            var sent = await context.SendActivitiesAsync([MessageFactory.Text(intro + " " + TeamsHint), .. BookCards.OnePerMessage(picks)], cancellationToken).ConfigureAwait(false);
            await BookCardLog.RememberAsync(_state, context, sent[1..], browse.Current, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var list = Channel.SupportsAdaptiveCards(channelId) ? BookCards.AdaptiveCarousel(picks, intro) : BookCards.Carousel(picks, intro);
            await context.SendActivityAsync(list, cancellationToken).ConfigureAwait(false);
            await context.SendActivityAsync(Replies.Question(Hint), cancellationToken).ConfigureAwait(false);
        }

        // Only once the list is out: a book never shown must not become a negative for the learned stage.
        await _recommender.RecordImpressionsAsync(ReaderId(context), picks, channelId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<IReadOnlyList<Recommendation>> RecommendAsync(ITurnContext context, IReadOnlyList<string> tags, List<string> shown, CancellationToken cancellationToken) =>
        await _recommender.RecommendAsync(
            new RecommendationRequest(ReaderId(context), ListSize, Context(context), tags, [.. shown]),
            cancellationToken).ConfigureAwait(false);

    private async Task ExplainAsync(
        ITurnContext context, BrowseReply reply, BrowseState browse, IReadOnlyList<CatalogItem> current, BookCatalog catalog, CancellationToken cancellationToken)
    {
        if (reply.NamedUnknownBook)
        {
            await context.SendActivityAsync("I couldn't find that book. Ask about one on the cards, e.g. \"why number 2?\".", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var profile = await ProfileAsync(context, cancellationToken).ConfigureAwait(false);
        var tags = (await _recommender.GenresAsync(cancellationToken).ConfigureAwait(false)).FromInterests(profile.Interests);
        var readerId = ReaderId(context);
        var single = reply.BookId ?? browse.Focus;
        List<string> targets = single is not null ? [single] : [.. current.Select(b => b.Id)];
        var lines = new List<string>(targets.Count);
        foreach (var id in targets)
        {
            var reason = await _recommender.ExplainAsync(readerId, id, Context(context), tags, cancellationToken).ConfigureAwait(false);
            lines.Add($"{BrowseReplyParser.ShortTitle(catalog.Find(id)!.Title)}: {reason}.");
        }

        browse.Focus = targets.Count == 1 ? targets[0] : browse.Focus;
        await context.SendActivityAsync(string.Join("\n\n", lines), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a typed message is feedback on a book of the last list shown, after the list's conversation ended.</summary>
    /// <param name="context">The turn.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>True when it names one of those books.</returns>
    internal async Task<bool> IsFeedbackOnLastListAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Activity.Text)
            || await _state.LastShownBooks.GetAsync(context, () => [], cancellationToken).ConfigureAwait(false) is not { Count: > 0 } shown)
        {
            return false;
        }

        BookCatalog catalog;
        try
        {
            catalog = await _recommender.CatalogAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RecommendationsUnavailableException)
        {
            return false;
        }

        return BrowseReplyParser.Parse(context.Activity, [.. shown.Select(catalog.Find).OfType<CatalogItem>()], catalog) is { Command: BrowseCommand.Feedback, BookId: not null };
    }

    /// <summary>Whether a message while a list is on screen is about the list ("more", "done", feedback, a title on screen).</summary>
    private async Task<bool> IsBrowseReplyAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        BookCatalog catalog;
        try
        {
            catalog = await _recommender.CatalogAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RecommendationsUnavailableException)
        {
            return false;
        }

        var shown = (await _state.LastShownBooks.GetAsync(context, () => [], cancellationToken).ConfigureAwait(false)).Select(catalog.Find).OfType<CatalogItem>().ToList();
        var reply = BrowseReplyParser.Parse(context.Activity, shown, catalog);
        return reply.Command != BrowseCommand.Unknown || reply.BookId is not null;
    }

    private Task<ReaderProfile> ProfileAsync(ITurnContext context, CancellationToken cancellationToken) =>
        _state.Profile.GetAsync(context, () => new ReaderProfile(), cancellationToken);

    private static string ReaderId(ITurnContext context) => BookFeedback.ReaderId(context);

    private static RecommendationContext Context(ITurnContext context) =>
        new(context.Activity.LocalTimestamp, context.Activity.ChannelId, ChannelNames.Of(context.Activity.ChannelId));

    private static string Join(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
