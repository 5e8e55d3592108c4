namespace AuthorBot.Recognizers.Number;

/// <summary>The <c>subtype</c> of a number resolution.</summary>
internal enum NumberSubtype
{
    Integer,
    Decimal,
    Fraction,
    Power,
}
