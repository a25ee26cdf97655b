"""Capitals used for their governments in news ("Beijing mengatakan" = China's government).

Keys are the capital as Indonesian and English news spell it; values the country's name as
Indonesian news most often writes it. Used to mark a speaker as a government.
"""

CAPITALS: dict[str, str] = {
    "Beijing": "China", "Peking": "China", "Moskow": "Rusia", "Moskwa": "Rusia", "Moscow": "Rusia",
    "Washington": "Amerika Serikat", "Pyongyang": "Korea Utara", "Seoul": "Korea Selatan",
    "Kyiv": "Ukraina", "Kiev": "Ukraina", "Tokyo": "Jepang", "Jakarta": "Indonesia",
    "Kuala Lumpur": "Malaysia", "Canberra": "Australia", "London": "Inggris", "Paris": "Prancis",
    "Berlin": "Jerman", "Teheran": "Iran", "Tehran": "Iran", "Tel Aviv": "Israel", "Yerusalem": "Israel",
    "Ankara": "Turki", "Riyadh": "Arab Saudi", "New Delhi": "India", "Islamabad": "Pakistan",
    "Manila": "Filipina", "Hanoi": "Vietnam", "Bangkok": "Thailand", "Naypyidaw": "Myanmar",
    "Taipei": "Taiwan", "Brussel": "Uni Eropa", "Brussels": "Uni Eropa", "Damaskus": "Suriah",
    "Kairo": "Mesir", "Cairo": "Mesir", "Ottawa": "Kanada", "Minsk": "Belarus", "Tbilisi": "Georgia",
}

#: Countries as speakers ("China menegaskan …"); a speaker that is a country is its government.
COUNTRIES = frozenset({
    "China", "Tiongkok", "Rusia", "Amerika Serikat", "AS", "Korea Utara", "Korut", "Korea Selatan",
    "Korsel", "Ukraina", "Jepang", "Indonesia", "Malaysia", "Australia", "Inggris", "Prancis",
    "Perancis", "Jerman", "Iran", "Israel", "Turki", "Arab Saudi", "India", "Pakistan", "Filipina",
    "Vietnam", "Thailand", "Myanmar", "Taiwan", "Suriah", "Mesir", "Kanada", "Belarus", "Singapura",
    "Palestina", "Irak", "Afganistan", "Afghanistan", "Qatar", "Uni Emirat Arab", "Yaman",
})
