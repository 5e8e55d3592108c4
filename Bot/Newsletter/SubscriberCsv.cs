using System.Globalization;
using CsvHelper;

namespace AuthorBot.Bot.Newsletter;

/// <summary>Confirmed subscribers as CSV for the author's mailing service, with the consent evidence alongside.</summary>
internal static class SubscriberCsv
{
    public const string ContentType = "text/csv";

    public static async Task WriteAsync(TextWriter writer, IEnumerable<Subscriber> subscribers, CancellationToken cancellationToken)
    {
        // Names and consent wording are the readers' own text: a leading '=' must not become a spreadsheet formula.
        var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordAsync(["email", "name", "confirmed_at", "consented_at", "consent_wording", "source_channel"], cancellationToken).ConfigureAwait(false);
            foreach (var subscriber in subscribers)
            {
                await csv.WriteRecordAsync(
                    [
                        subscriber.Email,
                        subscriber.Name ?? string.Empty,
                        subscriber.ConfirmedAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
                        subscriber.ConsentedAt.ToString("O", CultureInfo.InvariantCulture),
                        subscriber.Wording ?? string.Empty,
                        subscriber.Reader.ChannelId,
                    ],
                    cancellationToken).ConfigureAwait(false);
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
