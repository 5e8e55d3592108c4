using AuthorBot.Understanding.Writing;

namespace AuthorBot.Dialogs.Writing;

/// <summary>A draft's figures, kept (without its text) so the next draft can be compared with it.</summary>
internal sealed record DraftFigures(
    DateTimeOffset AnalysedAt,
    int Words,
    double ReadingEase,
    double Grade,
    double Fog,
    double Smog,
    double ColemanLiau,
    double MeanSentence,
    int Passive,
    int Adverbs,
    int Fillers,
    int Hedges,
    int Repetitions,
    double DialogueShare,
    double Tone)
{
    public static DraftFigures Of(WritingReport report, DateTimeOffset at) => new(
        at,
        report.Words,
        report.Readability.FleschReadingEase,
        report.Readability.FleschKincaidGrade,
        report.Readability.GunningFog,
        report.Readability.Smog,
        report.Readability.ColemanLiau,
        Math.Round(report.SentenceLengths.Mean, 1),
        report.PassiveSentences.Count,
        report.AdverbCount,
        report.FillerCount,
        report.HedgeCount,
        report.Repetitions.Count,
        Math.Round(report.DialogueShare, 3),
        report.ParagraphTone.Count == 0 ? 0 : Math.Round(report.ParagraphTone.Average(), 3));
}
