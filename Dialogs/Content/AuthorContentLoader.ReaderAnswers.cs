using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Dialogs.Intents;

namespace AuthorBot.Dialogs.Content;

// The parts of author.json that answer readers' questions (formats and prices, series, FAQ) and teach the classifier
// (the author's own examples), checked like the rest: every problem named with its line and field.
public static partial class AuthorContentLoader
{
    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    private sealed partial class Checker
    {
        private BookSeries? Series(SeriesDocument? series, string path)
        {
            if (series is null)
            {
                return null;
            }

            var name = Text(series.Name, path + ".name");
            if (series.Number is null)
            {
                Error(path + ".number", "is missing (the book's place in the series, from 1)");
                return null;
            }

            if (series.Number is < 1 or > 1000)
            {
                Error(path + ".number", $"{series.Number} is not between 1 and 1000");
                return null;
            }

            return name is null ? null : new BookSeries(name, series.Number.Value);
        }

        private List<BookFormat> Formats(List<FormatDocument?>? formats, string path)
        {
            var result = new List<BookFormat>();
            for (var i = 0; i < (formats?.Count ?? 0); i++)
            {
                var formatPath = $"{path}[{i}]";
                if (formats![i] is not { } format)
                {
                    Error(formatPath, "is null; it needs \"format\" and \"prices\"");
                    continue;
                }

                var kind = Text(format.Format, formatPath + ".format")?.ToLowerInvariant();
                if (kind is not null && !BookFormat.Known.Contains(kind, StringComparer.Ordinal))
                {
                    Error(formatPath + ".format", $"\"{format.Format}\" is not one of {string.Join(", ", BookFormat.Known)}");
                    kind = null;
                }

                if (kind is not null && result.Any(f => f.Format == kind))
                {
                    Error(formatPath + ".format", $"\"{kind}\" is listed twice; put every store's price under one entry");
                }

                var narrator = format.Narrator is null ? null : Text(format.Narrator, formatPath + ".narrator");
                if (format.Prices is not { Count: > 0 })
                {
                    Error(formatPath + ".prices", "is missing or empty (at least one store and price)");
                    continue;
                }

                var prices = new List<BookPrice>();
                for (var p = 0; p < format.Prices.Count; p++)
                {
                    if (Price(format.Prices[p], $"{formatPath}.prices[{p}]") is { } price)
                    {
                        prices.Add(price);
                    }
                }

                if (kind is not null && prices.Count == format.Prices.Count)
                {
                    result.Add(new BookFormat(kind, narrator, prices));
                }
            }

            return result;
        }

        private BookPrice? Price(PriceDocument? price, string path)
        {
            if (price is null)
            {
                Error(path, "is null; it needs \"store\", \"price\" and \"currency\"");
                return null;
            }

            var store = Text(price.Store, path + ".store");
            var amountText = Text(price.Price, path + ".price");
            decimal? amount = null;
            if (amountText is not null)
            {
                if (decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 && parsed < 100_000)
                {
                    amount = parsed;
                }
                else
                {
                    Error(path + ".price", $"\"{amountText}\" is not a price like \"18.99\"");
                }
            }

            var currency = Text(price.Currency, path + ".currency");
            if (currency is not null && !CurrencyPattern().IsMatch(currency))
            {
                Error(path + ".currency", $"\"{currency}\" is not a three-letter currency code like \"USD\" or \"GBP\"");
                currency = null;
            }

            return store is null || amount is null || currency is null ? null : new BookPrice(store, amount.Value, currency);
        }

        private List<FaqEntry> Faq(List<FaqDocument?>? faq)
        {
            var result = new List<FaqEntry>();
            for (var i = 0; i < (faq?.Count ?? 0); i++)
            {
                var path = $"faq[{i}]";
                if (faq![i] is not { } entry)
                {
                    Error(path, "is null; it needs \"id\", \"question\", \"answer\" and \"examples\"");
                    continue;
                }

                var errorsBefore = _errors.Count;
                var id = Id(entry.Id, path + ".id");
                var question = Text(entry.Question, path + ".question");
                var answer = Text(entry.Answer, path + ".answer");
                var examples = Examples(entry.Examples, path + ".examples", MinimumFaqExamples);
                if (_errors.Count == errorsBefore)
                {
                    result.Add(new FaqEntry(id!, question!, answer!, examples));
                }
            }

            if (faq is not null)
            {
                Unique(faq.Select(f => f?.Id), "faq");
            }

            return result;
        }

        private Dictionary<string, IReadOnlyList<string>> IntentExamples(Dictionary<string, List<string?>?>? examples)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (intent, list) in examples ?? [])
            {
                var path = "intentExamples." + intent;
                if (!ReaderIntents.IsShipped(intent))
                {
                    Error(path, $"\"{intent}\" is not an intent; use one of {string.Join(", ", ReaderIntents.Shipped)} (questions of your own go in \"faq\")");
                    continue;
                }

                result[intent] = Examples(list, path, 1);
            }

            return result;
        }

        private List<string> Examples(List<string?>? examples, string path, int minimum)
        {
            var result = new List<string>();
            if (examples is null || examples.Count < minimum)
            {
                Error(path, $"needs at least {minimum} example{(minimum == 1 ? string.Empty : "s")} of how readers ask it");
                return result;
            }

            for (var i = 0; i < examples.Count; i++)
            {
                if (Text(examples[i], $"{path}[{i}]") is { } example)
                {
                    result.Add(example);
                }
            }

            return result;
        }
    }

    /// <summary>Fewer examples than this teach the classifier too little to tell a question from its neighbours.</summary>
    private const int MinimumFaqExamples = 5;
}
