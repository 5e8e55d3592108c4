using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Evaluation;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// Accumulates top-10 lists against what each reader went on to rate: HR@10 (at least one hit), NDCG@10 and
/// precision@10 averaged over readers, catalogue coverage (distinct items in any list over the catalogue size) and
/// intra-list diversity (mean over lists of the mean pairwise 1 − content cosine of the items' tags).
/// </summary>
internal sealed class ListMetrics(int catalogSize, ContentIndex content)
{
    private readonly HashSet<int> _covered = [];
    private double _hits;
    private double _ndcg;
    private double _precision;
    private double _diversity;
    private int _lists;

    public int Lists => _lists;

    public void Add(ReadOnlySpan<int> top, IReadOnlySet<int> relevant)
    {
        _lists++;
        _hits += RankingMetrics.Recall(top, relevant) > 0 ? 1 : 0;
        _ndcg += RankingMetrics.Ndcg(top, relevant);
        _precision += RankingMetrics.Precision(top, relevant);
        double distance = 0;
        var pairs = 0;
        for (var a = 0; a < top.Length; a++)
        {
            _covered.Add(top[a]);
            for (var b = a + 1; b < top.Length; b++)
            {
                distance += 1 - content.Similarity(top[a], top[b]);
                pairs++;
            }
        }

        _diversity += pairs > 0 ? distance / pairs : 0;
    }

    public Result Result() => new(_hits / _lists, _ndcg / _lists, _precision / _lists, (double)_covered.Count / catalogSize, _diversity / _lists);
}

/// <summary>One evaluation's figures.</summary>
internal readonly record struct Result(double HitRate, double Ndcg, double Precision, double Coverage, double Diversity);
