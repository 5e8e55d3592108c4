using AuthorBot.Recommenders.Catalog;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>One pick with a short, human-readable reason.</summary>
/// <param name="Item">The catalogue item.</param>
/// <param name="Score">Blended score in [0, 1] before diversification (higher is better).</param>
/// <param name="Reason">Why, e.g. "Because you liked Dune" or "Popular in fantasy".</param>
/// <param name="Source">The signal that contributed most.</param>
public sealed record Recommendation(CatalogItem Item, float Score, string Reason, RecommendationSource Source);
