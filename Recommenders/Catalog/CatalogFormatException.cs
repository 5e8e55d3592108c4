namespace AuthorBot.Recommenders.Catalog;

/// <summary>The catalogue file is malformed; the message names the row and the problem.</summary>
public sealed class CatalogFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CatalogFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CatalogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
