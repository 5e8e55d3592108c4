using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// A quiz question as a message: the question and its lettered choices in the text (so typing "B" or the answer works on
/// every channel) and a hero card whose buttons send the question's id and the choice as the message's value, which
/// the quiz reads however old the card is (an announced question of the week, say).
/// </summary>
public static class QuizCards
{
    /// <summary>The action quiz answer buttons name.</summary>
    public const string AnswerAction = "quiz.answer";

    /// <summary>The value property holding the question's id.</summary>
    public const string QuestionProperty = "questionId";

    /// <summary>The value property holding the chosen index (0 for A).</summary>
    public const string ChoiceProperty = "choice";

    /// <summary>The value property marking an announced question of the week.</summary>
    public const string WeeklyProperty = "weekly";

    /// <summary>A question of a round.</summary>
    /// <param name="question">The question.</param>
    /// <param name="number">Its number in the round, from 1.</param>
    /// <param name="total">Questions in the round.</param>
    /// <returns>The message.</returns>
    public static Activity RoundQuestion(QuizQuestion question, int number, int total)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Message(question, string.Create(CultureInfo.InvariantCulture, $"Question {number} of {total}"), weekly: false);
    }

    /// <summary>The card of an announced question of the week, whose answer scores once.</summary>
    /// <param name="question">The question.</param>
    /// <returns>The hero card attachment.</returns>
    public static Attachment WeeklyQuestionCard(QuizQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Card(question, "Quiz question of the week", weekly: true);
    }

    private static Activity Message(QuizQuestion question, string heading, bool weekly)
    {
        var text = new StringBuilder(heading).Append(": ").Append(question.Text);
        for (var i = 0; i < question.Choices.Count; i++)
        {
            // Two spaces before the newline: a Markdown line break, or Web Chat runs the choices into one line.
            text.Append("  \n").Append(QuizQuestion.Letter(i)).Append(") ").Append(question.Choices[i]);
        }

        text.Append("\n\nPick a button, or type the letter, \"the second one\" or the answer.");
        var message = MessageFactory.Text(text.ToString());
        message.InputHint = InputHints.ExpectingInput;
        message.Attachments = [Card(question, heading, weekly)];
        return message;
    }

    private static Attachment Card(QuizQuestion question, string heading, bool weekly) => new HeroCard
    {
        Title = heading,
        Text = question.Text,
        Buttons = [.. question.Choices.Select((choice, index) => Button(question, index, weekly))],
    }.ToAttachment();

    private static CardAction Button(QuizQuestion question, int index, bool weekly)
    {
        var label = $"{QuizQuestion.Letter(index)}) {question.Choices[index]}";
        var value = new JsonObject
        {
            [CardSubmit.ActionProperty] = AnswerAction,
            [QuestionProperty] = question.Id,
            [ChoiceProperty] = index.ToString(CultureInfo.InvariantCulture),
        };
        if (weekly)
        {
            value[WeeklyProperty] = "true";
        }

        return new CardAction(ActionTypes.MessageBack, label)
        {
            Text = QuizQuestion.Letter(index).ToString(),
            DisplayText = label,
            Value = AdaptiveCards.ToElement(value),
        };
    }
}
