/// The article shown when `voices` is run with no file: our own text, written for Voices,
/// with several speakers, pronoun cues, a partial quote and a quotation over two paragraphs.
enum SampleArticle {
    static let text = """
        Harbour Town Votes to Close Its Last Ferry Pier

        The council of Port Ellery voted 6 to 3 on Tuesday to close the town's last public ferry pier, ending a service that has run since 1911.

        Mayor Helen Okafor called the decision "painful but unavoidable," telling reporters that repairs would cost more than the town spends on roads in a year. "We looked at every option, and none of them adds up," she said. "I would rather tell people the truth now than close the pier after an accident."

        Daniel Reyes, who chairs the Ferry Users' Association, accused the council of "quietly running the service into the ground" for a decade. "They stopped painting it, then they stopped fixing it, and now they say it is too broken to save," Reyes said.

        He added that the association would ask the regional court to review the vote.

        "Nobody asked the people who ride it," said Amira Haddad, a nurse who takes the 6:40 boat every morning. "For us it is not a postcard view. It is the way to work.

        "If the pier goes, I spend two hours a day on a bus instead."

        The regional transport office said in a statement that it had "no plans" to replace the service. According to Councillor Peter Lindqvist, the town will study a smaller floating dock next spring.

        The so-called "rescue plan" put forward last year was never costed, Lindqvist said.
        """
}
