/**
 * The names Java prints for pattern letter z (`PST`, `Pacific Standard Time`): per zone id, the
 * short and long names of standard and daylight time, as JDK 17's
 * `TimeZone.getTimeZone(id).getDisplayName(daylight, SHORT | LONG, Locale.US)` gives them for
 * every `ZoneId.getAvailableZoneIds()` (java.time's formatter reads the same names). ICU's
 * English names (Intl) differ for about half the zones (`GMT+1` for `WAT`, `West Africa Time` for
 * `West Africa Standard Time`), so the table decides and Intl only names zones it lacks.
 * Lines: short standard, short daylight, long standard, long daylight (daylight empty: same as
 * standard), then the zone ids that share those names, tab-separated.
 */

export interface ZoneNames {
  readonly short: string;
  readonly shortDaylight: string;
  readonly long: string;
  readonly longDaylight: string;
}

const TABLE = `
GMT		Greenwich Mean Time		Africa/Abidjan Africa/Bamako Africa/Banjul Africa/Bissau Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Africa/Sao_Tome Africa/Timbuktu America/Danmarkshavn Atlantic/Reykjavik Atlantic/St_Helena Etc/GMT Etc/GMT+0 Etc/GMT-0 Etc/GMT0 Etc/Greenwich GMT GMT0 Greenwich Iceland
GMT	GHST	Greenwich Mean Time	Ghana Summer Time	Africa/Accra
EAT	EAST	East Africa Time	Eastern African Summer Time	Africa/Addis_Ababa Africa/Asmara Africa/Asmera Africa/Dar_es_Salaam Africa/Djibouti Africa/Kampala Africa/Mogadishu Africa/Nairobi Indian/Antananarivo Indian/Comoro Indian/Mayotte
CET	CEST	Central European Standard Time	Central European Summer Time	Africa/Algiers Africa/Ceuta Africa/Tunis Arctic/Longyearbyen Atlantic/Jan_Mayen Europe/Amsterdam Europe/Andorra Europe/Belgrade Europe/Berlin Europe/Bratislava Europe/Brussels Europe/Budapest Europe/Busingen Europe/Copenhagen Europe/Gibraltar Europe/Ljubljana Europe/Luxembourg Europe/Madrid Europe/Malta Europe/Monaco Europe/Oslo Europe/Paris Europe/Podgorica Europe/Prague Europe/Rome Europe/San_Marino Europe/Sarajevo Europe/Skopje Europe/Stockholm Europe/Tirane Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Warsaw Europe/Zagreb Europe/Zurich Poland
WAT	WAST	West Africa Standard Time	West Africa Summer Time	Africa/Bangui Africa/Brazzaville Africa/Douala Africa/Kinshasa Africa/Lagos Africa/Libreville Africa/Luanda Africa/Malabo Africa/Ndjamena Africa/Niamey Africa/Porto-Novo
CAT	CAST	Central Africa Time	Central African Summer Time	Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare Africa/Juba Africa/Khartoum Africa/Kigali Africa/Lubumbashi Africa/Lusaka Africa/Maputo
EET	EEST	Eastern European Standard Time	Eastern European Summer Time	Africa/Cairo Africa/Tripoli Asia/Amman Asia/Beirut Asia/Damascus Asia/Gaza Asia/Hebron Asia/Nicosia Egypt Europe/Athens Europe/Bucharest Europe/Chisinau Europe/Helsinki Europe/Kaliningrad Europe/Kiev Europe/Kyiv Europe/Mariehamn Europe/Nicosia Europe/Riga Europe/Sofia Europe/Tallinn Europe/Tiraspol Europe/Uzhgorod Europe/Vilnius Europe/Zaporozhye Libya
WET	WEST	Western European Time	Western European Summer Time	Africa/Casablanca Africa/El_Aaiun WET
SAST		South Africa Standard Time	South Africa Summer Time	Africa/Johannesburg Africa/Maseru Africa/Mbabane
CAT	WAT	Central Africa Time	Western African Time	Africa/Windhoek
HAST	HADT	Hawaii-Aleutian Standard Time	Hawaii-Aleutian Daylight Time	America/Adak America/Atka Pacific/Johnston US/Aleutian
AKST	AKDT	Alaska Standard Time	Alaska Daylight Time	America/Anchorage America/Juneau America/Metlakatla America/Nome America/Sitka America/Yakutat SystemV/YST9YDT US/Alaska
AST	ADT	Atlantic Standard Time	Atlantic Daylight Time	America/Anguilla America/Antigua America/Aruba America/Barbados America/Blanc-Sablon America/Curacao America/Dominica America/Glace_Bay America/Goose_Bay America/Grenada America/Guadeloupe America/Halifax America/Kralendijk America/Lower_Princes America/Marigot America/Martinique America/Moncton America/Montserrat America/Port_of_Spain America/Puerto_Rico America/Santo_Domingo America/St_Barthelemy America/St_Kitts America/St_Lucia America/St_Thomas America/St_Vincent America/Thule America/Tortola America/Virgin Atlantic/Bermuda Canada/Atlantic SystemV/AST4 SystemV/AST4ADT
BRT	BRST	Brasilia Standard Time	Brasilia Summer Time	America/Araguaina America/Bahia America/Belem America/Fortaleza America/Maceio America/Recife America/Santarem America/Sao_Paulo Brazil/East
ART	ARST	Argentina Standard Time	Argentina Summer Time	America/Argentina/Buenos_Aires America/Argentina/Catamarca America/Argentina/ComodRivadavia America/Argentina/Cordoba America/Argentina/Jujuy America/Argentina/La_Rioja America/Argentina/Mendoza America/Argentina/Rio_Gallegos America/Argentina/Salta America/Argentina/San_Juan America/Argentina/San_Luis America/Argentina/Tucuman America/Argentina/Ushuaia America/Buenos_Aires America/Catamarca America/Cordoba America/Jujuy America/Mendoza America/Rosario
PYT	PYST	Paraguay Standard Time	Paraguay Summer Time	America/Asuncion
EST	EDT	Eastern Standard Time	Eastern Daylight Time	America/Atikokan America/Cancun America/Cayman America/Coral_Harbour America/Detroit America/Fort_Wayne America/Grand_Turk America/Indiana/Indianapolis America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Indianapolis America/Iqaluit America/Jamaica America/Kentucky/Louisville America/Kentucky/Monticello America/Louisville America/Montreal America/Nassau America/New_York America/Nipigon America/Panama America/Pangnirtung America/Port-au-Prince America/Thunder_Bay America/Toronto Canada/Eastern EST5EDT Jamaica SystemV/EST5 SystemV/EST5EDT US/East-Indiana US/Eastern US/Michigan
CST	CDT	Central Standard Time	Central Daylight Time	America/Bahia_Banderas America/Belize America/Chicago America/Chihuahua America/Costa_Rica America/El_Salvador America/Guatemala America/Indiana/Knox America/Indiana/Tell_City America/Knox_IN America/Managua America/Matamoros America/Menominee America/Merida America/Mexico_City America/Monterrey America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Ojinaga America/Rainy_River America/Rankin_Inlet America/Regina America/Resolute America/Swift_Current America/Tegucigalpa America/Winnipeg CST6CDT Canada/Central Canada/Saskatchewan Mexico/General SystemV/CST6 SystemV/CST6CDT US/Central US/Indiana-Starke
AMT	AMST	Amazon Standard Time	Amazon Summer Time	America/Boa_Vista America/Campo_Grande America/Cuiaba America/Manaus America/Porto_Velho Brazil/West
COT	COST	Colombia Standard Time	Colombia Summer Time	America/Bogota
MST	MDT	Mountain Standard Time	Mountain Daylight Time	America/Boise America/Cambridge_Bay America/Ciudad_Juarez America/Creston America/Dawson America/Dawson_Creek America/Denver America/Edmonton America/Fort_Nelson America/Inuvik America/Phoenix America/Shiprock America/Whitehorse America/Yellowknife Canada/Mountain Canada/Yukon MST7MDT Navajo SystemV/MST7 SystemV/MST7MDT US/Arizona US/Mountain
VET	VEST	Venezuela Time	Venezuela Summer Time	America/Caracas
GFT	GFST	French Guiana Time	French Guiana Summer Time	America/Cayenne
ACT	ACST	Acre Standard Time	Acre Summer Time	America/Eirunepe America/Porto_Acre America/Rio_Branco Brazil/Acre
PST	PDT	Pacific Standard Time	Pacific Daylight Time	America/Ensenada America/Los_Angeles America/Tijuana America/Vancouver Canada/Pacific Mexico/BajaNorte PST8PDT SystemV/PST8PDT US/Pacific
WGT	WGST	West Greenland Standard Time	West Greenland Summer Time	America/Godthab America/Nuuk
ECT	ECST	Ecuador Time	Ecuador Summer Time	America/Guayaquil
GYT	GYST	Guyana Time	Guyana Summer Time	America/Guyana
CST	CDT	Cuba Standard Time	Cuba Daylight Time	America/Havana Cuba
MST	MDT	Mexican Pacific Standard Time	Mexican Pacific Daylight Time	America/Hermosillo America/Mazatlan Mexico/BajaSur
BOT	BOST	Bolivia Time	Bolivia Summer Time	America/La_Paz
PET	PEST	Peru Standard Time	Peru Summer Time	America/Lima
PMST	PMDT	St. Pierre & Miquelon Standard Time	St. Pierre & Miquelon Daylight Time	America/Miquelon
UYT	UYST	Uruguay Standard Time	Uruguay Summer Time	America/Montevideo
FNT	FNST	Fernando de Noronha Standard Time	Fernando de Noronha Summer Time	America/Noronha Brazil/DeNoronha
SRT	SRST	Suriname Time	Suriname Summer Time	America/Paramaribo
GMT-03:00		Punta Arenas Standard Time		America/Punta_Arenas
PST	PDT	Northwest Mexico Standard Time	Northwest Mexico Daylight Time	America/Santa_Isabel
CLT	CLST	Chile Standard Time	Chile Summer Time	America/Santiago Chile/Continental
EGT	EGST	East Greenland Standard Time	East Greenland Summer Time	America/Scoresbysund
NST	NDT	Newfoundland Standard Time	Newfoundland Daylight Time	America/St_Johns Canada/Newfoundland
AWST	AWDT	Casey Time	Australian Western Daylight Time	Antarctica/Casey
DAVT	DAVST	Davis Time	Davis Summer Time	Antarctica/Davis
DDUT	DDUST	Dumont-d’Urville Time	Dumont-d'Urville Summer Time	Antarctica/DumontDUrville
AEST	AEDT	Australian Eastern Standard Time	Australian Eastern Daylight Time	Antarctica/Macquarie Australia/ACT Australia/Brisbane Australia/Canberra Australia/Currie Australia/Hobart Australia/Lindeman Australia/Melbourne Australia/NSW Australia/Queensland Australia/Sydney Australia/Tasmania Australia/Victoria
MAWT	MAWST	Mawson Time	Mawson Summer Time	Antarctica/Mawson
NZST	NZDT	New Zealand Standard Time	New Zealand Daylight Time	Antarctica/McMurdo Antarctica/South_Pole NZ Pacific/Auckland
CLT	CLST	Chile Time	Chile Summer Time	Antarctica/Palmer
ROTT	ROTST	Rothera Time	Rothera Summer Time	Antarctica/Rothera
SYOT	SYOST	Syowa Time	Syowa Summer Time	Antarctica/Syowa
GMT	CEST	Greenwich Mean Time	Central European Summer Time	Antarctica/Troll
VOST	VOSST	Vostok Time	Vostok Summer Time	Antarctica/Vostok
AST	ADT	Arabian Standard Time	Arabian Daylight Time	Asia/Aden Asia/Baghdad Asia/Bahrain Asia/Kuwait Asia/Qatar Asia/Riyadh
ALMT	ALMST	East Kazakhstan Time	Alma-Ata Summer Time	Asia/Almaty
ANAT	ANAST	Anadyr Standard Time	Anadyr Summer Time	Asia/Anadyr
AQTT	AQTST	West Kazakhstan Time	Aqtau Summer Time	Asia/Aqtau
AQTT	AQTST	West Kazakhstan Time	Aqtobe Summer Time	Asia/Aqtobe
TMT	TMST	Turkmenistan Standard Time	Turkmenistan Summer Time	Asia/Ashgabat Asia/Ashkhabad
GMT+05:00		West Kazakhstan Time	Atyrau Daylight Time	Asia/Atyrau
AZT	AZST	Azerbaijan Standard Time	Azerbaijan Summer Time	Asia/Baku
ICT	ICST	Indochina Time	Indochina Summer Time	Asia/Bangkok Asia/Ho_Chi_Minh Asia/Phnom_Penh Asia/Saigon Asia/Vientiane
GMT+07:00		Barnaul Standard Time	Barnaul Daylight Time	Asia/Barnaul
KGT	KGST	Kyrgyzstan Time	Kirgizstan Summer Time	Asia/Bishkek
BNT	BNST	Brunei Darussalam Time	Brunei Summer Time	Asia/Brunei
IST	IDT	India Standard Time	India Daylight Time	Asia/Calcutta Asia/Colombo Asia/Kolkata
YAKT	YAKST	Yakutsk Standard Time	Yakutsk Summer Time	Asia/Chita Asia/Khandyga Asia/Yakutsk
CHOT	CHOST	Ulaanbaatar Standard Time	Ulaanbaatar Summer Time	Asia/Choibalsan
CST	CDT	China Standard Time	China Daylight Time	Asia/Chongqing Asia/Chungking Asia/Harbin Asia/Macao Asia/Macau Asia/Shanghai PRC
BDT	BDST	Bangladesh Standard Time	Bangladesh Summer Time	Asia/Dacca Asia/Dhaka
TLT	TLST	East Timor Time	Timor-Leste Summer Time	Asia/Dili
GST	GDT	Gulf Standard Time	Gulf Daylight Time	Asia/Dubai Asia/Muscat
TJT	TJST	Tajikistan Time	Tajikistan Summer Time	Asia/Dushanbe
EET	EEST	Eastern European Time	Eastern European Summer Time	Asia/Famagusta EET
HKT	HKST	Hong Kong Standard Time	Hong Kong Summer Time	Asia/Hong_Kong Hongkong
HOVT	HOVST	Hovd Standard Time	Hovd Summer Time	Asia/Hovd
IRKT	IRKST	Irkutsk Standard Time	Irkutsk Summer Time	Asia/Irkutsk
TRT	TRST	Turkey Time	Turkey Summer Time	Asia/Istanbul Europe/Istanbul Turkey
WIB	WIST	Western Indonesia Time	West Indonesia Summer Time	Asia/Jakarta Asia/Pontianak
WIT	EIST	Eastern Indonesia Time	East Indonesia Summer Time	Asia/Jayapura
IST	IDT	Israel Standard Time	Israel Daylight Time	Asia/Jerusalem Asia/Tel_Aviv Israel
AFT	AFST	Afghanistan Time	Afghanistan Summer Time	Asia/Kabul
PETT	PETST	Petropavlovsk-Kamchatski Standard Time	Petropavlovsk-Kamchatski Summer Time	Asia/Kamchatka
PKT	PKST	Pakistan Standard Time	Pakistan Summer Time	Asia/Karachi
XJT	XJDT	Xinjiang Standard Time	Xinjiang Daylight Time	Asia/Kashgar Asia/Urumqi
NPT	NPST	Nepal Time	Nepal Summer Time	Asia/Kathmandu Asia/Katmandu
KRAT	KRAST	Krasnoyarsk Standard Time	Krasnoyarsk Summer Time	Asia/Krasnoyarsk Asia/Novokuznetsk
MYT	MYST	Malaysia Time	Malaysia Summer Time	Asia/Kuala_Lumpur Asia/Kuching
MAGT	MAGST	Magadan Standard Time	Magadan Summer Time	Asia/Magadan
WITA	CIST	Central Indonesia Time	Central Indonesia Summer Time	Asia/Makassar Asia/Ujung_Pandang
PST	PDT	Philippine Standard Time	Philippine Summer Time	Asia/Manila
NOVT	NOVST	Novosibirsk Standard Time	Novosibirsk Summer Time	Asia/Novosibirsk
OMST	OMSST	Omsk Standard Time	Omsk Summer Time	Asia/Omsk
ORAT	ORAST	West Kazakhstan Time	Oral Summer Time	Asia/Oral
KST	KDT	Korean Standard Time	Korean Daylight Time	Asia/Pyongyang Asia/Seoul ROK
QOST	QOSST	East Kazakhstan Time	Kostanay Summer Time	Asia/Qostanay
QYZT	QYZST	West Kazakhstan Time	Qyzylorda Summer Time	Asia/Qyzylorda
MMT	MMST	Myanmar Time	Myanmar Summer Time	Asia/Rangoon Asia/Yangon
SAKT	SAKST	Sakhalin Standard Time	Sakhalin Summer Time	Asia/Sakhalin
UZT	UZST	Uzbekistan Standard Time	Uzbekistan Summer Time	Asia/Samarkand Asia/Tashkent
SGT	SGST	Singapore Standard Time	Singapore Summer Time	Asia/Singapore Singapore
SRET	SREDT	Srednekolymsk Time	Srednekolymsk Daylight Time	Asia/Srednekolymsk
CST	CDT	Taipei Standard Time	Taipei Daylight Time	Asia/Taipei
GET	GEST	Georgia Standard Time	Georgia Summer Time	Asia/Tbilisi
IRST	IRDT	Iran Standard Time	Iran Daylight Time	Asia/Tehran Iran
BTT	BTST	Bhutan Time	Bhutan Summer Time	Asia/Thimbu Asia/Thimphu
JST	JDT	Japan Standard Time	Japan Daylight Time	Asia/Tokyo Japan
GMT+07:00		Tomsk Standard Time	Tomsk Daylight Time	Asia/Tomsk
ULAT	ULAST	Ulaanbaatar Standard Time	Ulaanbaatar Summer Time	Asia/Ulaanbaatar Asia/Ulan_Bator
VLAT	VLAST	Vladivostok Standard Time	Vladivostok Summer Time	Asia/Ust-Nera Asia/Vladivostok
YEKT	YEKST	Yekaterinburg Standard Time	Yekaterinburg Summer Time	Asia/Yekaterinburg
AMT	AMST	Armenia Standard Time	Armenia Summer Time	Asia/Yerevan
AZOT	AZOST	Azores Standard Time	Azores Summer Time	Atlantic/Azores
WET	WEST	Western European Standard Time	Western European Summer Time	Atlantic/Canary Atlantic/Faeroe Atlantic/Faroe Atlantic/Madeira Europe/Lisbon Portugal
CVT	CVST	Cape Verde Standard Time	Cape Verde Summer Time	Atlantic/Cape_Verde
GST	GDT	South Georgia Time	South Georgia Daylight Time	Atlantic/South_Georgia
FKT	FKST	Falkland Islands Standard Time	Falkland Islands Summer Time	Atlantic/Stanley
ACST	ACDT	Australian Central Standard Time	Australian Central Daylight Time	Australia/Adelaide Australia/Broken_Hill Australia/Darwin Australia/North Australia/South Australia/Yancowinna
ACWST	ACWDT	Australian Central Western Standard Time	Australian Central Western Daylight Time	Australia/Eucla
LHST	LHDT	Lord Howe Standard Time	Lord Howe Daylight Time	Australia/LHI Australia/Lord_Howe
AWST	AWDT	Australian Western Standard Time	Australian Western Daylight Time	Australia/Perth Australia/West
CET	CEST	Central European Time	Central European Summer Time	CET
EAST	EASST	Easter Island Standard Time	Easter Island Summer Time	Chile/EasterIsland Pacific/Easter
GMT	IST	Greenwich Mean Time	Irish Standard Time	Eire Europe/Dublin
GMT-01:00		GMT-01:00		Etc/GMT+1
GMT-10:00		GMT-10:00		Etc/GMT+10
GMT-11:00		GMT-11:00		Etc/GMT+11
GMT-12:00		GMT-12:00		Etc/GMT+12
GMT-02:00		GMT-02:00		Etc/GMT+2
GMT-03:00		GMT-03:00		Etc/GMT+3
GMT-04:00		GMT-04:00		Etc/GMT+4
GMT-05:00		GMT-05:00		Etc/GMT+5
GMT-06:00		GMT-06:00		Etc/GMT+6
GMT-07:00		GMT-07:00		Etc/GMT+7
GMT-08:00		GMT-08:00		Etc/GMT+8
GMT-09:00		GMT-09:00		Etc/GMT+9
GMT+01:00		GMT+01:00		Etc/GMT-1
GMT+10:00		GMT+10:00		Etc/GMT-10
GMT+11:00		GMT+11:00		Etc/GMT-11
GMT+12:00		GMT+12:00		Etc/GMT-12
GMT+13:00		GMT+13:00		Etc/GMT-13
GMT+14:00		GMT+14:00		Etc/GMT-14
GMT+02:00		GMT+02:00		Etc/GMT-2
GMT+03:00		GMT+03:00		Etc/GMT-3
GMT+04:00		GMT+04:00		Etc/GMT-4
GMT+05:00		GMT+05:00		Etc/GMT-5
GMT+06:00		GMT+06:00		Etc/GMT-6
GMT+07:00		GMT+07:00		Etc/GMT-7
GMT+08:00		GMT+08:00		Etc/GMT-8
GMT+09:00		GMT+09:00		Etc/GMT-9
UTC		Coordinated Universal Time		Etc/UCT Etc/UTC Etc/Universal Etc/Zulu UCT UTC Universal Zulu
GMT+04:00		Astrakhan Standard Time		Europe/Astrakhan
GMT	BST	Greenwich Mean Time	British Summer Time	Europe/Belfast Europe/Guernsey Europe/Isle_of_Man Europe/Jersey Europe/London GB GB-Eire
MSK	MSD	Moscow Standard Time	Moscow Daylight Time	Europe/Kirov
MSK	MSD	Moscow Standard Time	Moscow Summer Time	Europe/Minsk Europe/Moscow Europe/Simferopol W-SU
SAMT	SAMST	Samara Standard Time	Samara Summer Time	Europe/Samara
GMT+04:00		Saratov Standard Time		Europe/Saratov
GMT+04:00		Ulyanovsk Standard Time		Europe/Ulyanovsk
MSK	MSD	Volgograd Standard Time	Volgograd Summer Time	Europe/Volgograd
IOT	IOST	Indian Ocean Time	Indian Ocean Territory Summer Time	Indian/Chagos
CXT	CXST	Christmas Island Time	Christmas Island Summer Time	Indian/Christmas
CCT	CCST	Cocos Islands Time	Cocos Islands Summer Time	Indian/Cocos
TFT	TFST	French Southern & Antarctic Time	French Southern & Antarctic Lands Summer Time	Indian/Kerguelen
SCT	SCST	Seychelles Time	Seychelles Summer Time	Indian/Mahe
MVT	MVST	Maldives Time	Maldives Summer Time	Indian/Maldives
MUT	MUST	Mauritius Standard Time	Mauritius Summer Time	Indian/Mauritius
RET	REST	Réunion Time	Reunion Summer Time	Indian/Reunion
MHT	MHST	Marshall Islands Time	Marshall Islands Summer Time	Kwajalein Pacific/Kwajalein Pacific/Majuro
MET	MEST	Middle Europe Time	Middle Europe Summer Time	MET
CHAST	CHADT	Chatham Standard Time	Chatham Daylight Time	NZ-CHAT Pacific/Chatham
WSST	WSDT	Apia Standard Time	Apia Daylight Time	Pacific/Apia
BST		Bougainville Standard Time	Bougainville Daylight Time	Pacific/Bougainville
CHUT	CHUST	Chuuk Time	Chuuk Summer Time	Pacific/Chuuk Pacific/Truk Pacific/Yap
VUT	VUST	Vanuatu Standard Time	Vanuatu Summer Time	Pacific/Efate
PHOT	PHOST	Phoenix Islands Time	Phoenix Is. Summer Time	Pacific/Enderbury
TKT	TKST	Tokelau Time	Tokelau Summer Time	Pacific/Fakaofo
FJT	FJST	Fiji Standard Time	Fiji Summer Time	Pacific/Fiji
TVT	TVST	Tuvalu Time	Tuvalu Summer Time	Pacific/Funafuti
GALT	GALST	Galapagos Time	Galapagos Summer Time	Pacific/Galapagos
GAMT	GAMST	Gambier Time	Gambier Summer Time	Pacific/Gambier
SBT	SBST	Solomon Islands Time	Solomon Is. Summer Time	Pacific/Guadalcanal
ChST	ChDT	Chamorro Standard Time	Chamorro Daylight Time	Pacific/Guam Pacific/Saipan
HST	HDT	Hawaii-Aleutian Standard Time	Hawaii-Aleutian Daylight Time	Pacific/Honolulu SystemV/HST10 US/Hawaii
GMT+13:00		Kanton Standard Time	Kanton Daylight Time	Pacific/Kanton
LINT	LINST	Line Islands Time	Line Is. Summer Time	Pacific/Kiritimati
KOST	KOSST	Kosrae Time	Kosrae Summer Time	Pacific/Kosrae
MART	MARST	Marquesas Time	Marquesas Summer Time	Pacific/Marquesas
SST	SDT	Samoa Standard Time	Samoa Daylight Time	Pacific/Midway Pacific/Pago_Pago Pacific/Samoa US/Samoa
NRT	NRST	Nauru Time	Nauru Summer Time	Pacific/Nauru
NUT	NUST	Niue Time	Niue Summer Time	Pacific/Niue
NFT	NFST	Norfolk Island Standard Time	Norfolk Island Daylight Time	Pacific/Norfolk
NCT	NCST	New Caledonia Standard Time	New Caledonia Summer Time	Pacific/Noumea
PWT	PWST	Palau Time	Palau Summer Time	Pacific/Palau
PST	PDT	Pitcairn Time	Pitcairn Daylight Time	Pacific/Pitcairn
PONT	PONST	Ponape Time	Pohnpei Summer Time	Pacific/Pohnpei Pacific/Ponape
PGT	PGST	Papua New Guinea Time	Papua New Guinea Summer Time	Pacific/Port_Moresby
CKT	CKHST	Cook Islands Standard Time	Cook Islands Half Summer Time	Pacific/Rarotonga
TAHT	TAHST	Tahiti Time	Tahiti Summer Time	Pacific/Tahiti
GILT	GILST	Gilbert Islands Time	Gilbert Is. Summer Time	Pacific/Tarawa
TOT	TOST	Tonga Standard Time	Tonga Summer Time	Pacific/Tongatapu
WAKT	WAKST	Wake Island Time	Wake Summer Time	Pacific/Wake
WFT	WFST	Wallis & Futuna Time	Wallis & Futuna Summer Time	Pacific/Wallis
PST		Pitcairn Time		SystemV/PST8
AKST		Gambier Time		SystemV/YST9
`;

let byZone: Map<string, ZoneNames> | undefined;

/** Java's names of a zone id, or undefined if the JDK has none. */
export function javaZoneNames(id: string): ZoneNames | undefined {
  if (!byZone) {
    byZone = new Map();
    for (const line of TABLE.split('\n')) {
      if (line === '') continue;
      const [short, shortDaylight, long, longDaylight, zones] = line.split('\t') as [string, string, string, string, string];
      const names: ZoneNames = { short, shortDaylight: shortDaylight || short, long, longDaylight: longDaylight || long };
      for (const z of zones.split(' ')) byZone.set(z, names);
    }
  }
  return byZone.get(id);
}
