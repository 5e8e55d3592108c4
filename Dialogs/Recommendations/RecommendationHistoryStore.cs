using System.Globalization;
using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// The reader's book feedback ("Sounds good", "Not for me", "Already read") and the books they were shown, for "export
/// my data" and "delete my data".
/// </summary>
/// <param name="recommender">The recommender whose interaction log holds the feedback.</param>
internal sealed class RecommendationHistoryStore(ReaderRecommender recommender) : IReaderDataStore
{
    private readonly ReaderRecommender _recommender = recommender ?? throw new ArgumentNullException(nameof(recommender));

    /// <inheritdoc />
    public string Name => "book recommendation feedback";

    /// <inheritdoc />
    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var history = await _recommender.LoggedAsync(ReaderRecommender.ReaderIdOf(reader), cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            return null;
        }

        var catalog = await _recommender.CatalogAsync(cancellationToken).ConfigureAwait(false);
        var records = new JsonArray();
        foreach (var interaction in history)
        {
            var record = new JsonObject
            {
                ["bookId"] = interaction.ItemId,
                ["title"] = catalog.Find(interaction.ItemId)?.Title,
                ["feedback"] = FeedbackWords.Of(interaction.Kind),
                ["at"] = interaction.Timestamp.ToString("O", CultureInfo.InvariantCulture),
                ["channel"] = interaction.Channel,
            };
            if (interaction.Kind == InteractionKind.Rating)
            {
                record["rating"] = interaction.Value;
            }

            if (interaction.Position is { } position)
            {
                record["position"] = position + 1;
            }

            records.Add(record);
        }

        return records;
    }

    /// <inheritdoc />
    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        _recommender.EraseAsync(ReaderRecommender.ReaderIdOf(reader), cancellationToken);
}
