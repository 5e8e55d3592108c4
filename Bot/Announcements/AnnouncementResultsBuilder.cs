namespace AuthorBot.Bot.Announcements;

/// <summary>Per-variant rates and each variant's z-test against the first variant (the control), for clicks, replies and RSVPs.</summary>
internal static class AnnouncementResultsBuilder
{
    /// <param name="id">The announcement.</param>
    /// <param name="rows">Engagement of the variants that have deliveries.</param>
    /// <param name="defined">The variants in the order the marketer defined them, when known: every one is listed (a
    /// variant no reader was assigned shows zeros) and the first is the control, whatever the ids sort like.</param>
    public static AnnouncementResults Build(string id, IReadOnlyList<VariantEngagement> rows, IReadOnlyList<string>? defined = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (defined is { Count: > 0 })
        {
            var byVariant = rows.ToDictionary(r => r.Variant, StringComparer.Ordinal);
            rows = [.. defined.Select(v => byVariant.GetValueOrDefault(v) ?? new VariantEngagement(v, 0, 0, 0, 0, 0)), .. rows.Where(r => !defined.Contains(r.Variant, StringComparer.Ordinal))];
        }

        var variants = rows
            .Select(r => new VariantResult(r.Variant, r.Targeted, r.Sent, r.Clicked, r.Replied, r.Rsvped, Rate(r.Clicked, r.Sent), Rate(r.Replied, r.Sent), Rate(r.Rsvped, r.Sent)))
            .ToList();
        var comparisons = new List<VariantComparison>();
        if (variants.Count > 1)
        {
            var control = variants[0];
            foreach (var variant in variants.Skip(1))
            {
                comparisons.Add(Compare(variant, control, "clickRate", v => v.Clicked));
                comparisons.Add(Compare(variant, control, "replyRate", v => v.Replied));
                comparisons.Add(Compare(variant, control, "rsvpRate", v => v.Rsvped));
            }
        }

        return new AnnouncementResults(id, variants, comparisons);
    }

    private static VariantComparison Compare(VariantResult variant, VariantResult control, string metric, Func<VariantResult, int> successes)
    {
        var (z, p) = TwoProportionZTest.Test(successes(variant), variant.Sent, successes(control), control.Sent);
        return new VariantComparison(variant.Variant, control.Variant, metric, z is null ? null : Math.Round(z.Value, 4), p is null ? null : Math.Round(p.Value, 6), p is < 0.05);
    }

    private static double Rate(int count, int of) => of == 0 ? 0 : Math.Round((double)count / of, 4);
}
