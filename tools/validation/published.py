"""Published figures the model is compared with, each with its source.

Copied from the project's calibration-figures notes (section numbers refer to them) so that the
validation does not depend on anything outside the repository. Shares are fractions, money is
euros. "found" = read in stored public material; "known" = from memory of the named publication;
"seed" = stated in the SERV note, not re-checked; "computed" = derived from found figures.
"""

# --- labour market, Flemish Region (VG) unless stated ------------------------------------------
STATVL_ER = "Statistiek Vlaanderen, employment rate (LFS 2023, VG); found"
STATVL_UR = "Statistiek Vlaanderen, ILO unemployment rate (LFS 2023, VG, 15-64); found"

LABOUR = [
    # key, label, value, year, source
    ("er_20_64", "Employment rate 20-64", 0.768, 2023, STATVL_ER),
    ("er_20_64_male", "Employment rate 20-64, men", 0.803, 2023, STATVL_ER),
    ("er_20_64_female", "Employment rate 20-64, women", 0.733, 2023, STATVL_ER),
    ("er_low", "Employment rate, low educated (25-64)", 0.526, 2023, STATVL_ER + " (age range probably 25-64)"),
    ("er_middle", "Employment rate, middle educated (25-64)", 0.780, 2023, STATVL_ER + " (age range probably 25-64)"),
    ("er_high", "Employment rate, high educated (25-64)", 0.908, 2023, STATVL_ER + " (age range probably 25-64)"),
    ("er_55_64", "Employment rate 55-64", 0.608, 2023, STATVL_ER),
    ("er_20_34", "Employment rate 20-34", 0.753, 2019, "Statistiek Vlaanderen, werkzaamheidsgraad (LFS 2019, VG); found"),
    ("er_35_44", "Employment rate 35-44", 0.870, 2019, "Statistiek Vlaanderen, werkzaamheidsgraad (LFS 2019, VG); found"),
    ("er_45_54", "Employment rate 45-54", 0.856, 2019, "Statistiek Vlaanderen, werkzaamheidsgraad (LFS 2019, VG); found"),
    ("ur", "Unemployment rate 15-64", 0.033, 2023, STATVL_UR),
    ("ur_male", "Unemployment rate, men", 0.038, 2023, STATVL_UR),
    ("ur_female", "Unemployment rate, women", 0.029, 2023, STATVL_UR),
    ("ur_low", "Unemployment rate, low educated", 0.057, 2023, STATVL_UR),
    ("ur_middle", "Unemployment rate, middle educated", 0.030, 2023, STATVL_UR),
    ("ur_high", "Unemployment rate, high educated", 0.015, 2023, STATVL_UR),
    ("ur_15_34", "Unemployment rate 15-34", 0.060, 2023, STATVL_UR),
    ("ur_35_54", "Unemployment rate 35-54", 0.020, 2023, STATVL_UR),
    ("ur_55_64", "Unemployment rate 55-64", 0.021, 2023, STATVL_UR),
    ("self_employed", "Self-employed, share of workers 20-64", 0.14, 2024,
     "Belga (Statbel LFS), VG: about 14% in 2024, 15.0% in 2025; found"),
    ("temporary", "Temporary contracts, share of employees 20-64", 0.066, 2023,
     "Statistiek Vlaanderen, type arbeidscontract (LFS 2023, VG); found"),
    ("part_time", "Part-time, share of workers 20-64", 0.250, 2020,
     "Statistiek Vlaanderen, deeltijdarbeid (LFS 2020, VG); found"),
    ("part_time_female", "Part-time, share of women workers 20-64", 0.418, 2020,
     "Statistiek Vlaanderen, deeltijdarbeid (LFS 2020, VG); found"),
    ("part_time_male", "Part-time, share of men workers 20-64", 0.101, 2020,
     "Statistiek Vlaanderen, deeltijdarbeid (LFS 2020, VG); found"),
]

# Belgian ISCO-08 major-group shares of employment 15+ (Eurostat LFS, annual mean of quarters;
# computed from WHardyUW/RRcourse2024 Data/Eurostat_employment_isco.xlsx, BE; about 0.5% armed
# forces and no response are in the total, so the nine shares sum to 99.5%).
ISCO_SOURCE = "Eurostat LFS employment by ISCO-08 1-digit, Belgium (computed from the quarterly series); found"
ISCO_SHARES = {
    2011: [7.2, 20.3, 16.0, 13.8, 13.3, 1.3, 10.8, 6.6, 10.1],
    2015: [8.2, 22.9, 14.4, 11.0, 13.2, 1.2, 11.1, 6.7, 10.6],
    2019: [8.3, 25.2, 14.0, 11.3, 13.4, 1.0, 10.1, 6.3, 9.9],
    2020: [8.4, 26.5, 14.3, 11.4, 12.6, 1.0, 9.9, 6.1, 9.2],
}
ISCO_NAMES = ["1 managers", "2 professionals", "3 technicians", "4 clerks", "5 service and sales",
              "6 agriculture", "7 craft", "8 operators", "9 elementary"]

# Statbel gross monthly full-time wages, Belgium, October 2022 (firms >= 10 employees, without
# agriculture, public administration, education and health); found. Uprated to 2024 by the
# factor of configs/calibration/wage_deciles.csv (JC 200 indexation Jan 2023 and Jan 2024).
WAGES_2022 = {"P10": 2443.0, "P50": 3728.0, "P90": 6305.0, "mean": 4076.0}
WAGE_UPRATING_2022_2024 = 1.1272
WAGE_SOURCE = "Statbel, overview of Belgian wages, Oct 2022 (BE), x 1.1272 indexation to 2024; found"
# the Statbel median of 2019, for the 2019 -> 2024 wage-growth factor (4202 / 3486)
WAGE_MEDIAN_2019 = 3486.0

TRAINING = [
    ("training", "Training in the last 12 months, 25-64", 0.224, 2022, "Vlaams indicatorenboek 6.2.5 (LFS 2022, VG); found"),
    ("training_low", "Training, at most primary / low educated (BE)", 0.081, 2022, "Statbel lifelong learning (LFS 2022, BE, 'at most primary'); found"),
    ("training_middle", "Training, upper secondary (BE)", 0.160, 2022, "Statbel lifelong learning (LFS 2022, BE); found"),
    ("training_high", "Training, higher education (BE)", 0.326, 2022, "Statbel lifelong learning (LFS 2022, BE); found"),
]

DIGITAL = [
    ("digital_basic", "At least basic digital skills, 16-74", 0.61, 2023, "Statbel ICT survey via journalenligne.net (VG 2023); found"),
    ("digital_basic_low", "At least basic digital skills, low educated (BE)", 0.26, 2021, "Statbel, 'education and income determine digital skills' (BE 2021); found"),
    ("digital_basic_high", "At least basic digital skills, high educated (BE)", 0.77, 2021, "Statbel, same release (BE 2021); found"),
]

# --- automation exposure --------------------------------------------------------------------------
EXPOSURE = [
    ("Frey-Osborne method applied to Belgium, probability > 0.7", 0.35, "over_70", "ING Focus 2015 via socialedialoog.be; found"),
    ("Frey-Osborne method applied to Belgium, jobs susceptible", 0.49, "over_50", "ING Focus 2015 via socialedialoog.be (2.2 million jobs); found"),
    ("HRW 2016, Belgian jobs at risk", 0.39, "over_70", "Hoge Raad voor de Werkgelegenheid 2016; seed (figure not located in the report)"),
    ("Arntz, Gregory and Zierahn 2016, OECD-21 average", 0.09, "over_70", "AGZ 2016, OECD SEM WP 189; found"),
    ("Arntz, Gregory and Zierahn 2016, Belgium", 0.07, "over_70", "AGZ 2016; seed + known (not re-read)"),
]

# --- polarisation -----------------------------------------------------------------------------------
POLARISATION_WAGE = {  # SERV note, Belgium 2000-2013 (13 years), pp of employment
    "period": "2000-2013", "years": 13, "low_paid": 0.0, "middle_paid": -3.3, "high_paid": 3.9,
    "source": "SERV note (Belgium 2000-2013: middle -3.3 pp, high +3.9 pp, low stable); seed, not verified",
}
POLARISATION_ISCO = {  # computed from the Eurostat ISCO series above, Belgium 2011-2020 (9 years)
    "period": "2011-2020", "years": 9, "1-3": 5.7, "4+7+8": -3.8, "5+9": -1.6,
    "source": "computed from Eurostat LFS ISCO-08 shares, Belgium 2011 -> 2020; found data",
}
POLARISATION_OECD = "OECD Employment Outlook 2017: high-skill +7.6, middle -9.5, low +1.9 pp, OECD 1995-2015; found"

# --- incomes ------------------------------------------------------------------------------------------
INEQUALITY = [
    ("gini_disposable_income", "Gini of disposable income", 0.226, "income 2021 (SILC 2022)", "nieuwsblad.be / Statistiek Vlaanderen (VG, household equivalised); found"),
    ("s80_s20", "S80/S20 income quintile ratio", 3.2, "SILC 2022", "indicators.be G10_IIN (VG, household equivalised); found"),
    ("poverty_rate", "At-risk-of-poverty rate (60% of median)", 0.077, "SILC 2024", "Statistiek Vlaanderen (VG, household equivalised); found"),
]

# Social-security accounts, Belgium (docs/incomes.md, 'Base-year accounts against published totals')
SS_ACCOUNTS = {
    "rsz_contributions": (61.6e9, 2019, "RSZ annual report 2019 via moneytalk.knack.be: employee + employer contributions collected by RSZ/ONSS (total receipts EUR 87.5bn incl. 7.8bn state subsidy and 13.4bn alternative financing; spending 84.6bn, 41% pensions, 6% unemployment)"),
    "pensions": (54.1e9, 2022, "pensionstat.be: statutory pension spending, all schemes (2.53 million pensioners)"),
    "rva_spending": (6.85e9, 2018, "hln.be (RVA): RVA/ONEM benefit spending, all schemes (unemployment, time credit, SWT)"),
    "unemployed_recipients": (295801.0, 2023, "rva.be annual report 2023: fully unemployed benefit recipients, monthly average"),
}

# Population and employment used for the regionalisation keys (Statbel; found)
POP_BE_2024 = 11_763_650
POP_VG_2024 = 6_821_770
EMPLOYED_BE_20_64_2023 = 4_879_000
UR_BE_2023 = 0.056
UR_VG_2023 = 0.033

# --- energy ------------------------------------------------------------------------------------------
ENERGY = {
    "be_2024_twh": (3.2, "BCG 2025 via trends.levif.be: Belgian datacentres 3.2 TWh = 4% of Belgian electricity in 2024; found"),
    "be_2035_share_range_twh": ((11.5, 14.0), "BCG 2025: about 10% of Belgian power in 2035, of a projected 115-140 TWh; found"),
    "be_2035_multiple_range_twh": ((6.4, 16.0), "BCG 2025: 2-5 times today's use in 2035 (x 3.2 TWh); found"),
    "be_2035_ai_boom_twh": (15.5, "BCG 2025: AI-boom case for 2035; found"),
    "be_2050_range_twh": ((18.5, 34.0), "BCG 2025: 1-4 GW and 18.5-34 TWh by 2050; found"),
    "google_saint_ghislain_twh": 1.9,
    "be_electricity_twh": 80.0,
    "vg_electricity_twh": 55.1,
}

# Frey-Osborne probabilities by ISCO-08 major group (computed: FO 2013 probabilities of 702 SOC-2010
# occupations, IBS SOC10 -> ISCO08 crosswalk, unweighted mean over 4-digit codes; 402 of 436 matched)
FO_BY_ISCO_MEAN = [0.12, 0.15, 0.50, 0.85, 0.58, 0.71, 0.65, 0.79, 0.75]
FO_BY_ISCO_OVER_70 = [0.00, 0.01, 0.27, 0.82, 0.38, 0.53, 0.54, 0.76, 0.67]
FO_BY_ISCO_SOURCE = ("computed from Frey-Osborne 2013 (ignaciourbina/labor-force) and the IBS SOC10-ISCO08 "
                     "crosswalk (eworx-org/iscoCrosswalks): unweighted means over 4-digit codes")

# --- gross labour-market flows, Belgium 15-64 ----------------------------------------------------
# Yearly transitions between employment (E), unemployment (U) and not in the labour force (N:
# inactive, students and retirees), as in configs/calibration/labour_flows.csv's header.
FLOWS_SOURCE = "Statbel, LFS transitions, Belgium 15-64, 2022 -> 2023; found (labour_flows.csv)"
FLOWS = [
    # key, label, value
    ("E>U", "employed -> unemployed", 0.016),
    ("E>N", "employed -> not in the labour force (incl. retirement)", 0.040),
    ("U>E", "unemployed -> employed", 0.295),
    ("U>N", "unemployed -> not in the labour force", 0.270),
    ("N>E", "not in the labour force -> employed", 0.098),
    ("N>U", "not in the labour force -> unemployed", 0.040),
]
