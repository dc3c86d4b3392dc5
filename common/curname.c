/*
 * The names of ISO 4217 (English, as the standard and CRMs spell them,
 * with the common variants), compared on their letters alone.  A list,
 * not a hash: it is read once per distinct currency cell, and the
 * callers memoise nothing because a file holds a handful of names.
 */
#include <string.h>

#include "curname.h"

struct curname {
	const char *name;	/* lower-case letters only */
	const char *code;
};

static const struct curname names[] = {
	{ "usdollar", "USD" }, { "unitedstatesdollar", "USD" },
	{ "usdollars", "USD" }, { "americandollar", "USD" },
	{ "euro", "EUR" }, { "euros", "EUR" },
	{ "poundsterling", "GBP" }, { "britishpound", "GBP" },
	{ "britishpoundsterling", "GBP" }, { "sterling", "GBP" },
	{ "ukpound", "GBP" },
	{ "yen", "JPY" }, { "japaneseyen", "JPY" },
	{ "swissfranc", "CHF" }, { "canadiandollar", "CAD" },
	{ "australiandollar", "AUD" }, { "newzealanddollar", "NZD" },
	{ "indianrupee", "INR" }, { "swedishkrona", "SEK" },
	{ "norwegiankrone", "NOK" }, { "danishkrone", "DKK" },
	{ "icelandkrona", "ISK" }, { "icelandickrona", "ISK" },
	{ "yuanrenminbi", "CNY" }, { "chineseyuan", "CNY" },
	{ "chineseyuanrenminbi", "CNY" }, { "renminbi", "CNY" },
	{ "hongkongdollar", "HKD" }, { "singaporedollar", "SGD" },
	{ "newtaiwandollar", "TWD" }, { "taiwandollar", "TWD" },
	{ "won", "KRW" }, { "southkoreanwon", "KRW" }, { "koreanwon", "KRW" },
	{ "baht", "THB" }, { "thaibaht", "THB" },
	{ "ringgit", "MYR" }, { "malaysianringgit", "MYR" },
	{ "rupiah", "IDR" }, { "indonesianrupiah", "IDR" },
	{ "philippinepeso", "PHP" }, { "philippinepiso", "PHP" },
	{ "dong", "VND" }, { "vietnamesedong", "VND" },
	{ "pakistanrupee", "PKR" }, { "pakistanirupee", "PKR" },
	{ "srilankarupee", "LKR" }, { "taka", "BDT" },
	{ "bangladeshitaka", "BDT" },
	{ "uaedirham", "AED" }, { "emiratidirham", "AED" },
	{ "saudiriyal", "SAR" }, { "qataririal", "QAR" },
	{ "kuwaitidinar", "KWD" }, { "bahrainidinar", "BHD" },
	{ "omanirial", "OMR" }, { "jordaniandinar", "JOD" },
	{ "newisraelisheqel", "ILS" }, { "israelishekel", "ILS" },
	{ "newisraelishekel", "ILS" }, { "turkishlira", "TRY" },
	{ "egyptianpound", "EGP" }, { "moroccandirham", "MAD" },
	{ "rand", "ZAR" }, { "southafricanrand", "ZAR" },
	{ "naira", "NGN" }, { "nigeriannaira", "NGN" },
	{ "kenyanshilling", "KES" }, { "ghanacedi", "GHS" },
	{ "mexicanpeso", "MXN" }, { "brazilianreal", "BRL" },
	{ "argentinepeso", "ARS" }, { "chileanpeso", "CLP" },
	{ "colombianpeso", "COP" }, { "sol", "PEN" }, { "peruviansol", "PEN" },
	{ "uruguayanpeso", "UYU" },
	{ "zloty", "PLN" }, { "polishzloty", "PLN" },
	{ "czechkoruna", "CZK" }, { "forint", "HUF" },
	{ "hungarianforint", "HUF" }, { "romanianleu", "RON" },
	{ "bulgarianlev", "BGN" }, { "russianruble", "RUB" },
	{ "russianrouble", "RUB" }, { "hryvnia", "UAH" },
	{ "ukrainianhryvnia", "UAH" }, { "serbiandinar", "RSD" },
	{ "kazakhstanitenge", "KZT" }, { "tenge", "KZT" },
	{ NULL, NULL }
};

int
curname_code(const char *s, size_t n, char cur[4])
{
	char key[48];
	size_t i, o = 0;
	unsigned char c;
	const struct curname *p;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c >= 'a' && c <= 'z') {
			if (o + 1 == sizeof(key))
				return -1;
			key[o++] = (char)c;
		} else if (c >= 0x80 || (c >= '0' && c <= '9'))
			return -1;	/* not a name this table has */
	}
	key[o] = '\0';
	if (o == 0)
		return -1;
	for (p = names; p->name != NULL; p++)
		if (strcmp(p->name, key) == 0) {
			memcpy(cur, p->code, 4);
			return 0;
		}
	return -1;
}
