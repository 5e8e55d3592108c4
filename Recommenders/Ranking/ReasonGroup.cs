namespace AuthorBot.Recommenders.Ranking;

/// <summary>Features that read as one reason ("because you liked ...", "popular in ...").</summary>
internal enum ReasonGroup
{
    Collaborative,
    ItemItem,
    Content,
    NamedGenres,
    Author,
    Popularity,
    Context,
}
