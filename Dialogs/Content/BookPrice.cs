using System.Globalization;

namespace AuthorBot.Dialogs.Content;

/// <summary>A price at one store.</summary>
/// <param name="Store">The store, e.g. "Bookshop.org".</param>
/// <param name="Amount">The price.</param>
/// <param name="Currency">The ISO 4217 code, e.g. "USD".</param>
public sealed record BookPrice(string Store, decimal Amount, string Currency)
{
    /// <summary>The price as readers read it: "$26.00", "£9.99", "14.99 CAD".</summary>
    /// <returns>The text.</returns>
    public string Display() => Currency switch
    {
        "USD" => "$" + Amount.ToString("0.00", CultureInfo.InvariantCulture),
        "GBP" => "£" + Amount.ToString("0.00", CultureInfo.InvariantCulture),
        "EUR" => "€" + Amount.ToString("0.00", CultureInfo.InvariantCulture),
        _ => Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + Currency,
    };
}
