namespace AuthorBot.Understanding.Writing;

/// <summary>The five readability formulas for one text.</summary>
/// <param name="FleschReadingEase">0 (hard) to 100 (easy); can leave that range for extreme texts.</param>
/// <param name="FleschKincaidGrade">US school grade.</param>
/// <param name="GunningFog">US school grade.</param>
/// <param name="Smog">US school grade; 0 for fewer than three sentences, where the formula is not defined.</param>
/// <param name="ColemanLiau">US school grade.</param>
public sealed record ReadabilityScores(double FleschReadingEase, double FleschKincaidGrade, double GunningFog, double Smog, double ColemanLiau);
