using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Teams.Tests;

/// <summary>👍 or ❤️ on a book card is "Sounds good" for its book, 👎 is "Not for me"; other reactions and messages are left alone.</summary>
public sealed class ReactionTests
{
    [Fact]
    public async Task Reactions_on_book_cards_count_as_feedback_on_their_books_and_change_the_next_list()
    {
        var harness = new TeamsDialogHarness();
        var list = await ListAsync(harness);
        var (likedId, liked, _) = list[0];
        var (rejectedId, rejected, _) = list[1];

        var like = await harness.SendAsync(harness.Reaction(likedId, "like"));
        var dislike = await harness.SendAsync(harness.Reaction(rejectedId, "👎"));

        Assert.Matches($"^Glad {Short(liked)} sounds good!", Assert.Single(like).Text);
        Assert.Matches($"^Got it, I won't suggest {Short(rejected)} again\\.$", Assert.Single(dislike).Text);
        await harness.SayAsync("done");
        var fresh = await ListAsync(harness, "recommend me a book");
        Assert.Equal(5, fresh.Count);
        Assert.DoesNotContain(fresh, card => card.Title == rejected);
        Assert.Contains(fresh, card => card.Text.Contains("Because you liked " + liked, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("heart")]
    [InlineData("❤️")]
    [InlineData("1f44d_thumbsup")]
    public async Task Hearts_and_thumbs_up_are_sounds_good(string reaction)
    {
        var harness = new TeamsDialogHarness();
        var (id, title, _) = (await ListAsync(harness))[2];

        var replies = await harness.SendAsync(harness.Reaction(id, reaction));

        Assert.Matches($"^Glad {Short(title)} sounds good!", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Reactions_to_other_messages_and_other_reactions_are_left_alone()
    {
        var harness = new TeamsDialogHarness();
        var list = await ListAsync(harness);

        Assert.Empty(await harness.SendAsync(harness.Reaction(list[0].Id, "laugh")));
        Assert.Empty(await harness.SendAsync(harness.Reaction("not-a-card", "like")));
        var removed = harness.Reaction(list[0].Id, "like");
        (removed.ReactionsRemoved, removed.ReactionsAdded) = (removed.ReactionsAdded, null);
        Assert.Empty(await harness.SendAsync(removed));
    }

    [Fact]
    public async Task In_teams_each_book_is_its_own_adaptive_card_message_after_one_intro()
    {
        var harness = new TeamsDialogHarness();
        await harness.SayAsync("recommend");

        var replies = await harness.SayAsync("fantasy, mystery");

        var intro = replies.Single(r => r.Text?.StartsWith("Here are 5 books", StringComparison.Ordinal) == true);
        Assert.Null(intro.Attachments);
        var cards = replies.SkipWhile(r => r != intro).Skip(1).ToList();
        Assert.Equal(5, cards.Count);
        Assert.All(cards, c => Assert.Equal(AdaptiveCards.ContentType, Assert.Single(c.Attachments!).ContentType));
        var first = cards[0].Attachments![0].Content!.Value;
        var actions = first.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Sounds good", "Not for me", "Already read"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a.GetProperty("type").GetString()));
        Assert.Equal("like", actions[0].GetProperty("data").GetProperty("action").GetString());
        Assert.False(string.IsNullOrEmpty(actions[0].GetProperty("data").GetProperty("bookId").GetString()));
    }

    /// <summary>Asks for a list (genres given in one go) and returns each card's message id, book title and texts.</summary>
    private static async Task<List<(string Id, string Title, string Text)>> ListAsync(TeamsDialogHarness harness, string ask = "recommend")
    {
        var replies = await harness.SayAsync(ask);
        if (replies.Any(r => ActivityTexts.Of(r).Contains("Which genres", StringComparison.Ordinal)))
        {
            replies = await harness.SayAsync("fantasy, mystery");
        }

        return [.. replies.Where(r => r.Attachments is [{ ContentType: AdaptiveCards.ContentType }])
            .Select(r => (r.Id!, TitleOf(r), ActivityTexts.Of(r)))];
    }

    private static string TitleOf(Activity card)
    {
        var columns = card.Attachments![0].Content!.Value.GetProperty("body")[0].GetProperty("columns");
        var heading = columns[columns.GetArrayLength() - 1].GetProperty("items")[0].GetProperty("text").GetString()!;
        return heading[(heading.IndexOf(" · ", StringComparison.Ordinal) + 3)..];
    }

    private static string Short(string title) => System.Text.RegularExpressions.Regex.Escape(title.Split(" (")[0]);
}
