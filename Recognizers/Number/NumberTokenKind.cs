namespace AuthorBot.Recognizers.Number;

/// <summary>Lexical class of a <see cref="NumberToken"/>.</summary>
internal enum NumberTokenKind
{
    /// <summary>A run of letters ("twenty", "and", "percent").</summary>
    Word,

    /// <summary>A digit literal ("1,234.5", "10k", ".08").</summary>
    Digits,

    /// <summary>Digits with an ordinal suffix ("21st").</summary>
    OrdinalDigits,

    /// <summary>Scientific or power notation ("1e10", "1.1^23").</summary>
    Power,

    /// <summary>A Unicode vulgar fraction ("⅔").</summary>
    VulgarFraction,

    /// <summary>Letters and digits glued together ("180ml", "f2000"): never a number.</summary>
    Junk,

    /// <summary>Any other single character ("-", "/", "%", "$").</summary>
    Punct,
}
