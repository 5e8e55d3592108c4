namespace AuthorBot.Dialogs.Content;

// The parts of author.json the reader quiz reads: the books' characters and the author's own questions, checked like
// the rest (every problem named with its line and field).
public static partial class AuthorContentLoader
{
    /// <summary>The most choices a quiz question may have: the buttons are lettered A to D.</summary>
    public const int MaxQuizChoices = 4;

    private sealed partial class Checker
    {
        private List<BookCharacter> Characters(List<CharacterDocument?>? characters, string path)
        {
            var result = new List<BookCharacter>();
            for (var i = 0; i < (characters?.Count ?? 0); i++)
            {
                var characterPath = $"{path}[{i}]";
                if (characters![i] is not { } character)
                {
                    Error(characterPath, "is null; it needs \"name\" and \"role\"");
                    continue;
                }

                var name = Text(character.Name, characterPath + ".name");
                var role = Text(character.Role, characterPath + ".role");
                if (name is not null && role is not null)
                {
                    result.Add(new BookCharacter(name, role));
                }
            }

            return result;
        }

        private List<AuthoredQuizQuestion> Quiz(List<QuizDocument?>? quiz)
        {
            var result = new List<AuthoredQuizQuestion>();
            for (var i = 0; i < (quiz?.Count ?? 0); i++)
            {
                var path = $"quiz[{i}]";
                if (quiz![i] is not { } entry)
                {
                    Error(path, "is null; it needs \"id\", \"question\", \"choices\" and \"answer\"");
                    continue;
                }

                var errorsBefore = _errors.Count;
                var id = Id(entry.Id, path + ".id");
                var question = Text(entry.Question, path + ".question");
                var choices = new List<string>();
                if (entry.Choices is not { Count: >= 2 and <= MaxQuizChoices })
                {
                    Error(path + ".choices", $"needs 2 to {MaxQuizChoices} choices");
                }
                else
                {
                    for (var c = 0; c < entry.Choices.Count; c++)
                    {
                        if (Text(entry.Choices[c], $"{path}.choices[{c}]") is { } choice)
                        {
                            if (choices.Contains(choice, StringComparer.OrdinalIgnoreCase))
                            {
                                Error($"{path}.choices[{c}]", $"\"{choice}\" is listed twice");
                            }

                            choices.Add(choice);
                        }
                    }
                }

                var answer = Text(entry.Answer, path + ".answer");
                var index = answer is null ? -1 : choices.FindIndex(c => string.Equals(c, answer, StringComparison.OrdinalIgnoreCase));
                if (answer is not null && index < 0 && choices.Count == entry.Choices?.Count)
                {
                    Error(path + ".answer", $"\"{answer}\" is not one of the choices; write the right choice exactly as in \"choices\"");
                }

                if (_errors.Count == errorsBefore)
                {
                    result.Add(new AuthoredQuizQuestion(id!, question!, choices, index));
                }
            }

            Unique(quiz?.Select(q => q?.Id) ?? [], "quiz");
            return result;
        }
    }
}
