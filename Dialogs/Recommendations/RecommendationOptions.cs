namespace AuthorBot.Dialogs.Recommendations;

/// <summary>Where the recommender finds its catalogue and keeps readers' feedback and model snapshots.</summary>
public sealed class RecommendationOptions
{
    /// <summary>The configuration section the host binds (<c>Recommendations</c>).</summary>
    public const string SectionName = "Recommendations";

    /// <summary>The shipped demo catalogue, beside the app's assemblies.</summary>
    public static readonly string DefaultCatalogPath = Path.Combine("Data", "catalog", "books.csv");

    /// <summary>The catalogue CSV; a relative path is relative to the app's folder.</summary>
    public string CatalogPath { get; set; } = DefaultCatalogPath;

    /// <summary>
    /// The folder for the interaction log and model snapshots. Null keeps feedback in memory only (tests; nothing
    /// survives a restart), which is why the host always sets it.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>How often the host retrains the model from the interaction log. Default six hours.</summary>
    public TimeSpan RetrainInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The interaction log's file name inside <see cref="DataDirectory"/>.</summary>
    public string InteractionLogFileName { get; set; } = "interactions.jsonl";

    /// <summary>The model snapshot's file name inside <see cref="DataDirectory"/>.</summary>
    public string SnapshotFileName { get; set; } = "recommender.model";

    /// <summary>The catalogue's full path.</summary>
    public string ResolvedCatalogPath => Path.GetFullPath(CatalogPath, AppContext.BaseDirectory);

    /// <summary>The interaction log's full path, or null when feedback is kept in memory.</summary>
    public string? InteractionLogPath => DataDirectory is null ? null : Path.Combine(DataDirectory, InteractionLogFileName);

    /// <summary>The snapshot's full path, or null when models are not saved.</summary>
    public string? SnapshotPath => DataDirectory is null ? null : Path.Combine(DataDirectory, SnapshotFileName);
}
