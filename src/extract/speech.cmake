# Quotes, figures, dates, the Extractor and the SpkAtt quote evaluation.
target_sources(storyline_extract PRIVATE
  dates.cc
  extractor.cc
  figures.cc
  quotes.cc
  spkatt.cc
  word_view.cc)

storyline_test(speech_test
  SOURCES
    dates_test.cc
    extract_golden_test.cc
    figures_test.cc
    quotes_test.cc
    spkatt_test.cc
  LIBS storyline_extract)
