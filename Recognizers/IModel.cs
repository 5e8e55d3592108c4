namespace AuthorBot.Recognizers;

/// <summary>A recognizer model: turns a query into the entities of one kind it contains.</summary>
public interface IModel
{
    /// <summary>Name of the model, e.g. <c>number</c>.</summary>
    string ModelTypeName { get; }

    /// <summary>Recognizes entities in <paramref name="query"/>, ordered by start offset.</summary>
    IReadOnlyList<ModelResult> Parse(string query);
}
