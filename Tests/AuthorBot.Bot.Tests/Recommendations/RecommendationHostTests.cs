using AuthorBot.Bot.Recommendations;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.Dialogs.Recommendations;

namespace AuthorBot.Bot.Tests.Recommendations;

public class RecommendationHostTests
{
    [Fact]
    public async Task The_host_trains_into_its_data_folder_in_the_background_and_serves_the_flow_meanwhile()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--Recommendations:DataDirectory={folder.Path}"]);

        // The first turn does not wait for training.
        var replies = await host.ExpectRepliesAsync("rec-convo", "reader-1", "recommend me a book");
        Assert.Contains("Which genres do you like?", replies, StringComparison.Ordinal);

        var model = await host.Services.GetRequiredService<RecommenderTrainingHostedService>().FirstModel.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.NotNull(model);
        Assert.Same(model, host.Services.GetRequiredService<ReaderRecommender>().Model);
        Assert.True(File.Exists(Path.Combine(folder.Path, "recommender.model")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "interactions.jsonl")));
    }

    [Fact]
    public async Task The_menu_offers_recommendations_and_choosing_it_starts_the_flow()
    {
        var talk = new BookConversation();
        var menu = await talk.SayAsync("menu");

        // However the channel renders the menu (suggested actions, a card or a numbered list), the entry is there.
        var rendered = string.Join("|", menu.SelectMany(r => (r.SuggestedActions?.Actions ?? []).Select(a => a.Title))
            .Concat(menu.SelectMany(r => r.Attachments ?? []).Select(a => a.Content?.GetRawText()))
            .Append(BookConversation.Text(menu)));
        Assert.Contains("Recommend me a book", rendered, StringComparison.Ordinal);
        var replies = await talk.SayAsync("Recommend me a book");
        Assert.Contains("Which genres do you like?", BookConversation.Text(replies), StringComparison.Ordinal);
    }
}
